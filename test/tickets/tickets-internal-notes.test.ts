import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

// Outside review, finding 8: an internal note must not be observable by the requester, not even as a new version.
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const read = async (as: string, id: string) => {
  const response = await stack.call('GET', `/api/tickets/${id}`, { as });
  const ticket = await response.json();
  return { etag: response.headers.get('etag')!, version: ticket.version, updatedAt: ticket.updatedAt };
};
const listed = async (as: string, id: string) => {
  const { items } = await (await stack.call('GET', '/api/tickets?limit=100', { as })).json() as { items: Array<{ id: string; version: number; updatedAt: string }> };
  const item = items.find((t) => t.id === id)!;
  return { version: item.version, updatedAt: item.updatedAt };
};
const note = (id: string, as: string = AS.ana) => stack.call('POST', `/api/tickets/${id}/messages`, { as, body: { body: 'Internal: seen on LUMI before.', internal: true } });
const reply = (id: string) => stack.call('POST', `/api/tickets/${id}/messages`, { as: AS.ana, body: { body: 'Please try the OFI plugin.' } });
const close = (as: string, id: string, etag: string) => stack.call('PATCH', `/api/tickets/${id}`, { as, body: { status: 'closed' }, headers: { 'if-match': etag } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('what a requester sees of internal notes', () => {
  it('neither the ETag, the version nor updatedAt moves, in the ticket or the list', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const before = await read(AS.maria, ticket.id);
    const listedBefore = await listed(AS.maria, ticket.id);
    await tick();
    const noted = await note(ticket.id);
    expect(noted.status).toBe(201);
    expect(await read(AS.maria, ticket.id)).toEqual(before);
    expect(await listed(AS.maria, ticket.id)).toEqual(listedBefore);
    // Staff see the note's change.
    const staff = await read(AS.ana, ticket.id);
    expect(staff.etag).not.toBe(before.etag);
    expect(staff.updatedAt).not.toBe(before.updatedAt);
  });

  it('a public reply moves them (the control case)', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const before = await read(AS.maria, ticket.id);
    await tick();
    await note(ticket.id);
    await reply(ticket.id);
    const after = await read(AS.maria, ticket.id);
    expect(after.etag).not.toBe(before.etag);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });
});

describe('If-Match still guards changes', () => {
  it('a requester\'s ETag stays good across an internal note, and goes stale on a public change', async () => {
    const first = await openTicket(stack, AS.maria);
    const { etag } = await read(AS.maria, first.id);
    await note(first.id);
    const closed = await close(AS.maria, first.id, etag);
    expect(closed.status).toBe(200);
    expect(closed.headers.get('etag')).toBe((await read(AS.maria, first.id)).etag);

    const second = await openTicket(stack, AS.maria);
    const stale = (await read(AS.maria, second.id)).etag;
    await reply(second.id);
    expect((await close(AS.maria, second.id, stale)).status).toBe(412);
  });

  it('staff ETags move on every change, notes included', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { etag } = await read(AS.ana, ticket.id);
    await note(ticket.id, AS.coord);
    expect((await close(AS.ana, ticket.id, etag)).status).toBe(412);
  });

  it('a requester\'s reply answers with the ETag the requester reads', async () => {
    const ticket = await openTicket(stack, AS.maria);
    await note(ticket.id);
    const posted = await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'Any news?' } });
    expect(posted.headers.get('etag')).toBe((await read(AS.maria, ticket.id)).etag);
    expect((await posted.json()).ticket.version).toBe((await read(AS.maria, ticket.id)).version);
  });
});
