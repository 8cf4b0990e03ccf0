import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startNotifyStack, type NotifyStack } from '../notify/support.ts';
import { STRINGS } from '../../functions/notify/templates/strings.ts';
import { attach } from './support.ts';

// A reply's e-mail lists the files it carries, by name and size, with links behind sign-in; never the files.
let stack: NotifyStack;
beforeAll(async () => { stack = await startNotifyStack(); });
afterAll(async () => { await stack?.close(); });

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('notification e-mails with attachments', () => {
  it('list the files of a public reply with links, and nothing of an internal note\'s', async () => {
    const ticket = await stack.newTicket(AS.jonas);
    await stack.flush();
    stack.take();
    const { id: logId } = await attach(stack, ticket.id, AS.ana, 'rccl-debug.log', 'NCCL WARN NET/IB : No device found.\n');
    const { id: pngId } = await attach(stack, ticket.id, AS.ana, 'topology.png', PNG);
    const { id: noteId } = await attach(stack, ticket.id, AS.ana, 'internal.txt', 'staff only\n', { internal: true });
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Only staff.', internal: true, attachmentIds: [noteId] } })).status).toBe(201);
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'See the two files.', attachmentIds: [logId, pngId] } })).status).toBe(201);
    await stack.flush();
    const mails = stack.take();
    expect(mails.map((m) => m.to.address)).toEqual([AS.jonas]);
    const [mail] = mails;
    const base = `http://127.0.0.1:${stack.server.port}/app/tickets/${ticket.id}`;
    // Jonas reads German.
    expect(mail!.text).toContain(STRINGS.de.filesSent);
    expect(mail!.text).toContain(`rccl-debug.log (1 KB): ${base}/attachments/${logId}`);
    expect(mail!.text).toContain(`topology.png (1 KB): ${base}\n`);
    expect(mail!.text).not.toContain('internal.txt');
    expect(mail!.html).toContain(`<a href="${base}/attachments/${logId}">`);
    expect(mail!.attachments ?? []).toEqual([]);
  });
});
