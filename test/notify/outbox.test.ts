import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';
import { parseMime } from './mime-reader.ts';
import { AS, NOW, addressed, startNotifyStack, type NotifyStack } from './support.ts';

describe('the local outbox', () => {
  let dataDir: string;
  let stack: TestStack;
  const clock = fixedClock(NOW);
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'notify-'));
    // With a data dir the feed and sweep run on timers; none here, this test drives the feed.
    stack = await startTestStack({ dataDir, clock, events: { pollMs: 0 }, notifications: { sweepMs: 0 } });
    clock.advance(1000); // the feed starts just after start-up
  });
  afterEach(async () => {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file under DATA_DIR/outbox and serves them at /dev/outbox', async () => {
    expect((await stack.call('PUT', '/api/me/preferences', { as: AS.maria, body: { language: 'es' } })).status).toBe(200);
    const created = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'Conda env on Leonardo', body: 'Slow imports.', category: 'software-and-containers' } });
    const ticket = await created.json() as { id: string; reference: string };
    // The creation's two mails (María's acknowledgement, the assigned expert's) go out first.
    await stack.server.events.feed.poll();
    const atCreation = await readdir(join(dataDir, 'outbox'));
    expect(atCreation).toHaveLength(2);
    clock.advance(1000); // the reply is newer than the acknowledgement, also in its file name
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.mikko, body: { body: 'Use a container instead.' } });
    await stack.server.events.feed.poll();

    const files = (await readdir(join(dataDir, 'outbox'))).filter((name) => !atCreation.includes(name));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{32}\.eml$/);

    const root = `http://127.0.0.1:${stack.server.port}`;
    const asMaria = { headers: { authorization: `Bearer ${await stack.token(AS.maria)}` } };
    const listing = await (await fetch(`${root}/dev/outbox`, asMaria)).json() as { items: Array<{ name: string; url: string }> };
    // María's own: the acknowledgement and the reply (newest last), not the expert's.
    expect(listing.items.map((item) => item.name)).toHaveLength(2);
    expect(listing.items.at(-1)!.name).toBe(files[0]);
    const message = await fetch(`${root}${listing.items.at(-1)!.url}`, asMaria);
    expect(message.headers.get('content-type')).toBe('message/rfc822');
    const parsed = parseMime(await message.text());
    expect(parsed.headers.to).toBe('María Ortega <maria@aurora-ai.example>');
    expect(parsed.headers.subject).toBe(`[${ticket.reference}] Mikko Virtanen ha respondido: Conda env on Leonardo`);
    expect(parsed.text).toContain(`${root}/app/tickets/${ticket.id}`);
    expect(parsed.html).toContain(`href="${root}/app/tickets/${ticket.id}"`);
    for (const name of ['nope.eml', '..%2F..%2Fetc%2Fpasswd', '..%2Foutbox.eml']) expect((await fetch(`${root}/dev/outbox/${name}`, asMaria)).status).toBe(404);
  });
});

describe('the org guard at delivery', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('refuses a delivery to a requester of another organisation, whatever asked for it', async () => {
    const { notify } = stack.server.notifications;
    const outcome = await notify.deliver({
      eventId: 'T#forged#0', kind: 'ticketReply', orgId: 'aurora-ai', recipientId: 'u-lea',
      notice: { template: 'expertReply', actorName: 'Ana', ticket: { id: 'forged', reference: 'HD-1', subject: 'Aurora secrets', category: 'other', priority: 'low', requesterName: 'María' } },
    });
    expect(outcome).toBe('refused');
    expect(addressed(stack.take())).toEqual([]);
  });
});
