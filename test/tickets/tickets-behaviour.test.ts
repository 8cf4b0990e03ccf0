import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

const clock = fixedClock('2026-11-02T08:00:00.000Z');
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock }); });
afterAll(async () => { await stack?.close(); });

const get = async (id: string, as: string, query = '') => (await stack.call('GET', `/api/tickets/${id}${query}`, { as })).json();
const patch = async (id: string, as: string, body: unknown) => {
  const etag = (await stack.call('GET', `/api/tickets/${id}`, { as })).headers.get('etag')!;
  return stack.call('PATCH', `/api/tickets/${id}`, { as, body, headers: { 'if-match': etag } });
};

describe('the ticket lifecycle through the API', () => {
  it('numbers tickets HD-1001, HD-1002, ... and defaults the priority', async () => {
    const first = await openTicket(stack, AS.maria, { priority: undefined });
    const second = await openTicket(stack, AS.jonas);
    expect(first.reference).toMatch(/^HD-10\d\d$/);
    expect(second.number).toBe(first.number + 1);
    expect(second.reference).toBe(`HD-${first.number + 1}`);
    expect(first.priority).toBe('normal');
    expect(first.status).toBe('new');
  });

  it('runs new → open → waiting → open → resolved → closed with the SLA paused while waiting', async () => {
    const ticket = await openTicket(stack, AS.maria, { priority: 'urgent' });
    expect(ticket.sla.firstResponseDue).toBe('2026-11-02T12:00:00.000Z');
    clock.advance(3_600_000);
    expect((await patch(ticket.id, AS.ana, { assigneeId: 'u-ana' })).status).toBe(200);
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Which module versions?' } });
    expect((await patch(ticket.id, AS.ana, { status: 'waiting' })).status).toBe(200);
    clock.advance(10 * 3_600_000);
    const waiting = await get(ticket.id, AS.maria);
    expect(waiting.sla.paused).toBe(true);
    expect(waiting.sla.breached).toBe(false);
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'rocm/6.0.3' } });
    const reopened = await get(ticket.id, AS.maria);
    expect(reopened.status).toBe('open');
    expect(reopened.sla.resolutionDue).toBe('2026-11-04T18:00:00.000Z');
    expect((await patch(ticket.id, AS.ana, { status: 'resolved' })).status).toBe(200);
    expect((await patch(ticket.id, AS.maria, { status: 'closed' })).status).toBe(200);
    const trail = await get(ticket.id, AS.coord, '?include=events');
    expect(trail.events.filter((e: { type: string }) => e.type === 'status').map((e: { to: string }) => e.to))
      .toEqual(['open', 'waiting', 'open', 'resolved', 'closed']);
  });

  it('lets a requester reopen a resolved ticket but not reopen a closed one', async () => {
    const ticket = await openTicket(stack, AS.maria);
    await patch(ticket.id, AS.ana, { status: 'resolved' });
    expect((await patch(ticket.id, AS.jonas, { status: 'open' })).status).toBe(200);
    await patch(ticket.id, AS.ana, { status: 'closed' });
    const refused = await patch(ticket.id, AS.maria, { status: 'open' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).detail).toMatch(/closed.*open/);
  });

  it('takes no more replies from the requester once closed, and an internal note is no activity they can see', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const before = await get(ticket.id, AS.maria);
    clock.advance(60_000);
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Internal: check the OFI plugin', internal: true } });
    const afterNote = await get(ticket.id, AS.maria);
    expect(afterNote.lastActivityAt).toBe(before.lastActivityAt);
    expect(afterNote.messageCount).toBe(before.messageCount);
    expect((await patch(ticket.id, AS.maria, { status: 'closed' })).status).toBe(200);
    const refused = await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'still here' } });
    expect(refused.status).toBe(422);
    expect((await get(ticket.id, AS.maria)).messageCount).toBe(before.messageCount);
    expect((await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Closing note', internal: true } })).status).toBe(201);
  });

  it('lets a coordinator assign an expert but never a requester; an expert may take it, not give it to a third', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await patch(ticket.id, AS.coord, { assigneeId: 'u-lea' })).status).toBe(422);
    const assigned = await patch(ticket.id, AS.coord, { assigneeId: 'u-giulia' });
    expect(await assigned.json()).toMatchObject({ assigneeId: 'u-giulia', assigneeName: 'Giulia Rossi', status: 'open' });
    expect((await patch(ticket.id, AS.ana, { assigneeId: 'u-mikko' })).status).toBe(403);
    expect(await (await patch(ticket.id, AS.ana, { assigneeId: 'u-ana' })).json()).toMatchObject({ assigneeId: 'u-ana', assignment: { reason: 'taken by Ana García' } });
  });

  it('names the requester\'s organisation as people know it, in every answer that carries a ticket', async () => {
    const created = await openTicket(stack, AS.lea);
    expect(created).toMatchObject({ orgId: 'basalt-labs', orgName: 'Basalt Labs' });
    for (const as of [AS.lea, AS.ana, AS.coord]) expect(await get(created.id, as)).toMatchObject({ orgName: 'Basalt Labs' });
    const listed = (await (await stack.call('GET', '/api/tickets?limit=100', { as: AS.coord })).json()).items as Array<{ orgId: string; orgName?: string }>;
    expect(new Set(listed.map((t) => `${t.orgId}=${t.orgName}`))).toEqual(new Set(['aurora-ai=Aurora AI', 'basalt-labs=Basalt Labs']));
    const replied = await (await stack.call('POST', `/api/tickets/${created.id}/messages`, { as: AS.ana, body: { body: 'Looking.' } })).json();
    expect(replied.ticket.orgName).toBe('Basalt Labs');
    expect(await (await patch(created.id, AS.ana, { priority: 'high' })).json()).toMatchObject({ orgName: 'Basalt Labs' });
  });

  it('filters the queue by status, assignee and system, and pages with a cursor', async () => {
    // A category no expert handles, so the ticket stays unassigned for Mikko to take.
    const lumi = await openTicket(stack, AS.lea, { system: 'Vega', category: 'performance' });
    await patch(lumi.id, AS.mikko, { assigneeId: 'u-mikko' });
    const mine = await (await stack.call('GET', '/api/tickets?assignee=me', { as: AS.mikko })).json();
    expect(mine.items.map((t: { id: string }) => t.id)).toContain(lumi.id);
    expect(mine.items.every((t: { assigneeId: string }) => t.assigneeId === 'u-mikko')).toBe(true);
    const vega = await (await stack.call('GET', '/api/tickets?system=Vega&status=open', { as: AS.ana })).json();
    expect(vega.items.map((t: { id: string }) => t.id)).toEqual([lumi.id]);
    const unassignedNew = await (await stack.call('GET', '/api/tickets?assignee=unassigned&status=new,open', { as: AS.ana })).json();
    expect(unassignedNew.items.every((t: { assigneeId: string | null; status: string }) => !t.assigneeId && ['new', 'open'].includes(t.status))).toBe(true);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await (await stack.call('GET', `/api/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: AS.coord })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((t: { id: string }) => t.id));
      cursor = page.cursor;
    } while (cursor);
    const all = await (await stack.call('GET', '/api/tickets?limit=100', { as: AS.coord })).json();
    expect(seen).toEqual(all.items.map((t: { id: string }) => t.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists a requester\'s organisation by most recent activity', async () => {
    const older = await openTicket(stack, AS.maria, { subject: 'Older ticket' });
    clock.advance(60_000);
    await openTicket(stack, AS.jonas, { subject: 'Newer ticket' });
    clock.advance(60_000);
    await stack.call('POST', `/api/tickets/${older.id}/messages`, { as: AS.maria, body: { body: 'bump' } });
    const list = await (await stack.call('GET', '/api/tickets', { as: AS.jonas })).json();
    expect(list.items[0].id).toBe(older.id);
    const times = list.items.map((t: { lastActivityAt: string }) => t.lastActivityAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(list.items[0].body).toBeUndefined();
  });
});
