import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_FILES_PER_TICKET } from '../../functions/attachments/domain/limits.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';
import { announce, attach, sendBytes } from './support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const LOG = 'Starting job 4711 on nid001234\nepoch 1 loss 2.31\nRuntimeError: NCCL error in: ProcessGroupNCCL.cpp:1191\n';

describe('an attachment from announcement to download', () => {
  it('is pending until completed, then listed, downloadable as an attachment with nosniff, by byte ranges', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const created = await announce(stack, ticket.id, AS.maria, { filename: 'slurm-4711.out', size: LOG.length, contentType: 'text/plain' });
    expect(created.status).toBe(201);
    const { id, upload, expiresAt } = await created.json();
    expect(upload.method).toBe('POST');
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    // Pending: nobody sees it in the list yet.
    expect((await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.ana })).json()).items).toEqual([]);
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/attachments/${id}/complete`, { as: AS.maria })).status).toBe(409);

    expect((await sendBytes(upload, new TextEncoder().encode(LOG))).status).toBe(204);
    const complete = await stack.call('POST', `/api/tickets/${ticket.id}/attachments/${id}/complete`, { as: AS.maria });
    expect(complete.status).toBe(200);
    expect(await complete.json()).toMatchObject({ id, status: 'complete', kind: 'text', contentType: 'text/plain; charset=utf-8' });

    const list = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.jonas })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const download = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.ana })).json();
    expect(download).toMatchObject({ size: LOG.length, contentType: 'text/plain; charset=utf-8' });
    const whole = await fetch(download.downloadUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-disposition')).toMatch(/^attachment; filename="slurm-4711.out"/);
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(whole.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(await whole.text()).toBe(LOG);
    const first = await fetch(download.downloadUrl, { headers: { range: 'bytes=0-9' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-9/${LOG.length}`);
    expect(await first.text()).toBe(LOG.slice(0, 10));
    const last = await fetch(download.downloadUrl, { headers: { range: 'bytes=-20' } });
    expect(await last.text()).toBe(LOG.slice(-20));
  });

  it('refuses an upload that is not what the signed policy allows (size, content type, key)', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { upload } = await (await announce(stack, ticket.id, AS.maria, { filename: 'a.log', size: 10, contentType: 'text/plain' })).json();
    expect((await sendBytes(upload, new Uint8Array(11).fill(97))).status).toBe(400);
    expect((await sendBytes({ ...upload, fields: { ...upload.fields, 'Content-Type': 'text/html' } }, new Uint8Array(10).fill(97))).status).toBe(403);
    expect((await sendBytes({ ...upload, fields: { ...upload.fields, key: `tickets/${ticket.id}/other` } }, new Uint8Array(10).fill(97))).status).toBe(403);
  });
});

describe('an upload link', () => {
  it('sends one file: after completion the same link cannot replace the checked file (the same bytes again are fine)', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const created = await (await announce(stack, ticket.id, AS.maria, { filename: 'job.log', size: LOG.length })).json();
    const bytes = new TextEncoder().encode(LOG);
    expect((await sendBytes(created.upload, bytes)).status).toBe(204);
    expect((await sendBytes(created.upload, bytes)).status).toBe(204);
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/attachments/${created.id}/complete`, { as: AS.maria })).status).toBe(200);
    const program = new Uint8Array(bytes.length);
    program.set([0x7f, 0x45, 0x4c, 0x46]);
    expect((await sendBytes(created.upload, program)).status).toBe(409);
    const { downloadUrl } = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${created.id}`, { as: AS.ana })).json();
    expect(await (await fetch(downloadUrl)).text()).toBe(LOG);
  });
});

describe('download links', () => {
  it('refuses forged, other-ticket and expired signatures', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const other = await openTicket(stack, AS.maria);
    const { id } = await attach(stack, ticket.id, AS.maria, 'job.log', LOG);
    const { id: otherId } = await attach(stack, other.id, AS.maria, 'job.log', LOG);
    const { downloadUrl } = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.maria })).json();
    expect((await fetch(downloadUrl)).status).toBe(200);
    const url = new URL(downloadUrl);
    const signature = url.searchParams.get('signature')!;
    const forged = new URL(url);
    forged.searchParams.set('signature', `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`);
    expect((await fetch(forged)).status).toBe(403);
    const elsewhere = new URL(url);
    elsewhere.pathname = url.pathname.replace(`${ticket.id}/${id}`, `${other.id}/${otherId}`);
    expect((await fetch(elsewhere)).status).toBe(403);
    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600_000));
    expect((await fetch(longer)).status).toBe(403);
    const inline = new URL(url);
    inline.searchParams.set('type', 'text/html');
    expect((await fetch(inline)).status).toBe(403);
  });
});

describe('limits', () => {
  it('accepts exactly 50 MB and refuses one byte more before anything is uploaded', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const over = await announce(stack, ticket.id, AS.maria, { filename: 'big.log', size: MAX_FILE_BYTES + 1 });
    expect(over.status).toBe(400);
    expect((await over.json()).errors).toEqual([expect.objectContaining({ field: 'size' })]);
    // One 50 MB body, built once: the file at the limit goes through the whole path.
    const { complete } = await attach(stack, ticket.id, AS.maria, 'big.log', new Uint8Array(MAX_FILE_BYTES).fill(0x61));
    expect(complete.status).toBe(200);
    expect((await complete.json()).size).toBe(MAX_FILE_BYTES);
  }, 60_000);

  it('lets 19 of 20 racing uploads through when 19 slots are left', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await announce(stack, ticket.id, AS.maria, { filename: 'first.log', size: 10 })).status).toBe(201);
    const results = await Promise.all(Array.from({ length: MAX_FILES_PER_TICKET }, (_, i) => announce(stack, ticket.id, AS.maria, { filename: `f${i}.log`, size: 10 })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(19);
    const refused = results.find((r) => r.status !== 201)!;
    expect(refused.status).toBe(422);
    expect((await refused.json()).code).toBe('attachment.limit');
  }, 30_000);

  it('holds at most 250 MB per ticket (announced sizes count at once)', async () => {
    const ticket = await openTicket(stack, AS.maria);
    for (let i = 0; i < 5; i++) expect((await announce(stack, ticket.id, AS.maria, { filename: `part${i}.log`, size: MAX_FILE_BYTES })).status).toBe(201);
    const refused = await announce(stack, ticket.id, AS.maria, { filename: 'one-more.log', size: 1 });
    expect((await refused.json()).code).toBe('attachment.limit');
  });

  it('refuses a name that is not an allowed kind, listing what is allowed', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const refused = await announce(stack, ticket.id, AS.maria, { filename: 'setup.exe', size: 100 });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/Allowed: text and logs \(\.out .*PNG/);
  });
});

describe('the server decides the type from the content', () => {
  const cases: Array<[string, string | Uint8Array]> = [
    ['HTML renamed .png', '<!DOCTYPE html><html><script>alert(1)</script></html>'.replace('<!DOCTYPE', '<!DOCTYPE')],
    ['SVG as .txt', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    ['an executable renamed .log', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0])],
  ];
  const names = ['screenshot.png', 'notes.txt', 'job.log'];
  it.each(cases.map((c, i) => [...c, names[i]!] as const))('refuses %s and deletes it', async (_label, content, filename) => {
    const ticket = await openTicket(stack, AS.maria);
    const { id, complete } = await attach(stack, ticket.id, AS.maria, filename, content);
    expect(complete.status).toBe(422);
    const problem = await complete.json();
    expect(problem.code).toBe('attachment.refused');
    expect(problem.detail).toMatch(/Allowed:/);
    expect((await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.maria })).status).toBe(404);
  });

  it('refuses a zip whose header claims a huge expansion', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const header = new Uint8Array(64);
    header.set([0x50, 0x4b, 0x03, 0x04]);
    new DataView(header.buffer).setUint32(18, 1000, true);
    new DataView(header.buffer).setUint32(22, 4_000_000_000, true);
    const { complete } = await attach(stack, ticket.id, AS.maria, 'results.zip', header);
    expect((await complete.json()).detail).toMatch(/zip bomb/);
  });

  it('marks a text file that holds secrets for staff, not for the requester', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { id, complete } = await attach(stack, ticket.id, AS.maria, 'env.txt', 'export HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz0123456789\n');
    expect(complete.status).toBe(200);
    const staff = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.ana })).json();
    expect(staff.items.find((a: { id: string }) => a.id === id).secrets).toEqual([{ kind: 'Hugging Face token', line: 1 }]);
    const own = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.maria })).json();
    expect(own.items[0]).not.toHaveProperty('secrets');
  });
});

describe('a message carries attachments', () => {
  it('links completed files of the author on the same ticket, and refuses others', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const other = await openTicket(stack, AS.maria);
    const { id } = await attach(stack, ticket.id, AS.maria, 'slurm.err', LOG);
    const { id: elsewhere } = await attach(stack, other.id, AS.maria, 'slurm.err', LOG);
    const { id: jonasFile } = await attach(stack, ticket.id, AS.jonas, 'env.txt', 'module list\n');
    const pending = (await (await announce(stack, ticket.id, AS.maria, { filename: 'later.log', size: 5 })).json()).id;
    const { id: noteFile } = await attach(stack, ticket.id, AS.ana, 'analysis.txt', 'rank 3 died first\n', { internal: true });

    for (const [ids, as, internal] of [[[elsewhere], AS.maria, false], [[jonasFile], AS.maria, false], [[pending], AS.maria, false], [[noteFile], AS.ana, false], [['nope'], AS.maria, false]] as const) {
      const refused = await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as, body: { body: 'See attached.', attachmentIds: ids, internal } });
      expect(refused.status, JSON.stringify(ids)).toBe(422);
      expect(await refused.json()).toMatchObject({ code: 'attachment.unusable', field: 'attachmentIds' });
    }
    const posted = await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'The error log.', attachmentIds: [id] } });
    expect(posted.status).toBe(201);
    const { message } = await posted.json();
    expect(message.attachmentIds).toEqual([id]);
    const listed = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.jonas })).json();
    expect(listed.items.find((a: { id: string }) => a.id === id).messageId).toBe(message.id);
    const again = await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'Once more.', attachmentIds: [id] } });
    expect((await again.json()).code).toBe('attachment.unusable');
  });
});
