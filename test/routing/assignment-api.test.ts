import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { LOAD_WEIGHTS } from '../../functions/routing/domain/load.ts';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

// Tuesday 12 January 2027, 10:00 UTC: Ana (Madrid), Mikko (Helsinki) and Giulia (Rome) are all on duty.
const clock = fixedClock('2027-01-12T10:00:00.000Z');
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock }); });
afterAll(async () => { await stack?.close(); });

const training = { category: 'ai-training-and-inference', system: 'LUMI', topic: 'distributed-training', subject: 'DDP hangs on 4 nodes' };
/** The ticket as staff see it: why it went to whom is staff's wording, never in a requester's answer. */
const staffView = async (id: string) => (await stack.call('GET', `/api/tickets/${id}`, { as: AS.coord })).json();
const eventsOf = async (id: string) => (await (await stack.call('GET', `/api/tickets/${id}?include=events`, { as: AS.coord })).json()).events;
const setAbsences = (expertId: string, absences: Array<{ from: string; until: string }>) =>
  stack.call('PUT', `/api/routing/experts/${expertId}/absences`, { as: AS.coord, body: { absences } });

/** Each expert's stored counters against their new and open tickets, counted from the tickets themselves. */
async function countersAgainstTickets() {
  const roster = await dynamoRoutingStore(stack.server.db, stack.server.tableName).roster();
  const all = (await (await stack.call('GET', '/api/tickets?status=new,open&limit=100', { as: AS.coord })).json()).items as Array<{ assigneeId: string | null; priority: keyof typeof LOAD_WEIGHTS }>;
  return roster.map((entry) => {
    const theirs = all.filter((t) => t.assigneeId === entry.expertId);
    return { expertId: entry.expertId, stored: [Number(entry.load ?? 0), Number(entry.openTickets ?? 0)], counted: [theirs.reduce((sum, t) => sum + LOAD_WEIGHTS[t.priority], 0), theirs.length] };
  });
}

describe('assignment on creation', () => {
  it('assigns the best fit and records why, in the ticket and its events', async () => {
    const created = await openTicket(stack, AS.maria, training);
    expect(created.assigneeId).toBe('u-ana');
    expect(created.assigneeName).toBe('Ana García');
    expect(created.assignment).toBeUndefined();
    const maria = await (await stack.call('GET', `/api/tickets/${created.id}?include=events`, { as: AS.maria })).json();
    expect(maria.assignment).toBeUndefined();
    expect(maria.events.some((e: { reason?: string }) => e.reason !== undefined)).toBe(false);
    const ticket = await staffView(created.id);
    expect(ticket.assignment).toMatchObject({ auto: true, at: '2027-01-12T10:00:00.000Z' });
    expect(ticket.assignment.reason).toMatch(/^assigned to Ana García: distributed training, LUMI, .*open ticket/);
    const assigned = (await eventsOf(ticket.id)).filter((e: { type: string }) => e.type === 'assigned');
    expect(assigned).toEqual([expect.objectContaining({ to: 'u-ana', reason: ticket.assignment.reason })]);
  });

  it('leaves a ticket nobody handles unassigned, and says why', async () => {
    const ticket = await staffView((await openTicket(stack, AS.maria, { category: 'performance' })).id);
    expect(ticket.assigneeId).toBeNull();
    expect(ticket.assignment.reason).toBe('no expert handles Performance');
  });

  it('assigns nobody while coordinators have auto-assignment off', async () => {
    await stack.call('PUT', '/api/settings/routing', { as: AS.coord, body: { autoAssign: false, categories: {} } });
    const ticket = await staffView((await openTicket(stack, AS.maria, training)).id);
    await stack.call('PUT', '/api/settings/routing', { as: AS.coord, body: { autoAssign: true, categories: {} } });
    expect(ticket.assigneeId).toBeNull();
    expect(ticket.assignment.reason).toMatch(/auto-assignment is off/);
  });

  it('20 tickets created at once do not all go to one expert, and the load counters match the tickets', async () => {
    // AI training with no system named: Ana and Giulia fit equally (both handle it, both speak English).
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      stack.call('POST', '/api/tickets', { as: i % 2 ? AS.maria : AS.lea, body: { subject: `Parallel ticket ${i}`, body: 'At once.', category: 'ai-training-and-inference' } })));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const assignees = await Promise.all(responses.map(async (r) => (await r.json()).assigneeId));
    expect(new Set(assignees)).toEqual(new Set(['u-ana', 'u-giulia']));
    for (const { stored, counted } of await countersAgainstTickets()) expect(stored).toEqual(counted);
  });

  it('keeps the counters right as tickets are resolved, reprioritised and reassigned', async () => {
    const ticket = await openTicket(stack, AS.maria, training);
    const patch = async (as: string, body: unknown) => {
      const etag = (await stack.call('GET', `/api/tickets/${ticket.id}`, { as: AS.coord })).headers.get('etag')!;
      const response = await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as, body, headers: { 'if-match': etag } });
      expect(response.status).toBe(200);
      return response.json();
    };
    await patch(AS.coord, { priority: 'urgent' });
    const moved = await patch(AS.coord, { assigneeId: 'u-giulia' });
    expect(moved.assignment).toMatchObject({ reason: 'assigned by Sam Coordinator', auto: false });
    // An expert takes it from Giulia: the load moves with it.
    const taken = await patch(AS.mikko, { assigneeId: 'u-mikko' });
    expect(taken.assignment).toMatchObject({ reason: 'taken by Mikko Virtanen', auto: false });
    for (const { stored, counted } of await countersAgainstTickets()) expect(stored).toEqual(counted);
    await patch(AS.mikko, { status: 'resolved' });
    for (const { stored, counted } of await countersAgainstTickets()) expect(stored).toEqual(counted);
    const assigned = (await eventsOf(ticket.id)).filter((e: { type: string }) => e.type === 'assigned');
    expect(assigned.map((e: { from: string | null; to: string }) => [e.from, e.to])).toEqual([[null, 'u-ana'], ['u-ana', 'u-giulia'], ['u-giulia', 'u-mikko']]);
  });
});

describe('reconciliation on a schedule', () => {
  it('a counter that drifted (a crash between a claim and its ticket) is set right by the scheduled sweep, not before', async () => {
    await openTicket(stack, AS.maria, training);
    const store = dynamoRoutingStore(stack.server.db, stack.server.tableName);
    // A claim whose ticket was never written, and an open ticket the counter missed.
    await store.adjust('u-ana', 2, 1);
    await store.adjust('u-giulia', -1, -1);
    const drifted = await countersAgainstTickets();
    expect(drifted.filter(({ stored, counted }) => stored.join() !== counted.join()).map((row) => row.expertId).sort()).toEqual(['u-ana', 'u-giulia']);
    expect(await stack.server.routingSweep()).toEqual({ experts: 3 });
    for (const { stored, counted } of await countersAgainstTickets()) expect(stored).toEqual(counted);
  });
});

describe('absences', () => {
  it('nothing new routes to an absent expert: the next fit gets it', async () => {
    await setAbsences('u-ana', [{ from: '2027-01-11T00:00:00+01:00', until: '2027-01-16T00:00:00+01:00' }]);
    const ticket = await openTicket(stack, AS.maria, training);
    await setAbsences('u-ana', []);
    expect(ticket.assigneeId).toBe('u-giulia');
  });

  it('flags the tickets due while their assignee is away, and a coordinator reassigns them in one action', async () => {
    const ticket = await openTicket(stack, AS.maria, { ...training, priority: 'high' });
    expect(ticket.assigneeId).toBe('u-ana');
    // Away from this afternoon, before the first response (8 business hours) falls due tomorrow.
    await setAbsences('u-ana', [{ from: '2027-01-12T14:00:00Z', until: '2027-01-19T08:00:00Z' }]);
    const roster = await (await stack.call('GET', '/api/routing/experts', { as: AS.coord })).json();
    const ana = roster.experts.find((e: { id: string }) => e.id === 'u-ana');
    expect(ana.atRisk).toContainEqual({ ticketId: ticket.id, reference: ticket.reference, subject: ticket.subject, due: ticket.sla.firstResponseDue });

    const response = await stack.call('POST', '/api/routing/experts/u-ana/reassign', { as: AS.coord, body: {} });
    expect(response.status).toBe(200);
    const { reassigned } = await response.json();
    expect(reassigned).toContainEqual(expect.objectContaining({ ticketId: ticket.id, reference: ticket.reference, assigneeId: 'u-giulia' }));
    const after = await (await stack.call('GET', `/api/tickets/${ticket.reference}?include=events`, { as: AS.coord })).json();
    expect(after.assigneeId).toBe('u-giulia');
    const last = after.events.filter((e: { type: string }) => e.type === 'assigned').at(-1);
    expect(last).toMatchObject({ from: 'u-ana', to: 'u-giulia', actorName: 'Sam Coordinator' });
    expect(last.reason).toMatch(/^assigned by Sam Coordinator: Ana García is away when it falls due; assigned to Giulia Rossi/);
    const again = await (await stack.call('GET', '/api/routing/experts', { as: AS.coord })).json();
    expect(again.experts.find((e: { id: string }) => e.id === 'u-ana').atRisk).toEqual([]);
    await setAbsences('u-ana', []);
  });
});
