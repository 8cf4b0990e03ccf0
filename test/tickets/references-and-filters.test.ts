import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

const clock = fixedClock('2027-01-12T10:00:00.000Z');
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock }); });
afterAll(async () => { await stack?.close(); });

const idsOf = async (path: string, as: string) => {
  const response = await stack.call('GET', path, { as });
  expect(response.status).toBe(200);
  return ((await response.json()).items as Array<{ id: string }>).map((t) => t.id);
};

describe('a ticket reference works wherever its id does', () => {
  it('HD-1005, hd-1005 and 1005 resolve within visibility; another organisation gets 404', async () => {
    const ticket = await openTicket(stack, AS.maria, { subject: 'Reference lookup' });
    const number = String(ticket.number);
    for (const form of [ticket.reference, ticket.reference.toLowerCase(), number]) {
      for (const as of [AS.maria, AS.jonas, AS.ana, AS.coord]) {
        const response = await stack.call('GET', `/api/tickets/${form}`, { as });
        expect(response.status, `${form} as ${as}`).toBe(200);
        expect((await response.json()).id).toBe(ticket.id);
      }
      const other = await stack.call('GET', `/api/tickets/${form}`, { as: AS.lea });
      expect(other.status).toBe(404);
      expect((await other.json()).code).toBe('not-found');
    }
    expect((await stack.call('GET', '/api/tickets/HD-999999', { as: AS.coord })).status).toBe(404);
  });

  it('replies and changes accept the reference too', async () => {
    const ticket = await openTicket(stack, AS.maria, { subject: 'Reply by reference' });
    const reply = await stack.call('POST', `/api/tickets/${ticket.reference}/messages`, { as: AS.maria, body: { body: 'More detail.' } });
    expect(reply.status).toBe(201);
    expect((await reply.json()).message.ticketId).toBe(ticket.id);
    expect((await stack.call('POST', `/api/tickets/${ticket.reference}/messages`, { as: AS.lea, body: { body: 'Not mine.' } })).status).toBe(404);
  });
});

describe('finding tickets', () => {
  it('filters by priority, category, requester, created date and words of the subject, within visibility', async () => {
    const urgent = await openTicket(stack, AS.maria, { subject: 'Quantum walltime overrun', priority: 'urgent', category: 'jobs-and-scheduling' });
    const jonas = await openTicket(stack, AS.jonas, { subject: 'Quantum checkpoint lost', category: 'data-and-storage' });
    const basalt = await openTicket(stack, AS.lea, { subject: 'Quantum basalt ticket', category: 'jobs-and-scheduling' });
    expect(await idsOf('/api/tickets?priority=urgent&q=quantum', AS.coord)).toEqual([urgent.id]);
    expect(await idsOf('/api/tickets?category=data-and-storage&q=QUANTUM', AS.coord)).toEqual([jonas.id]);
    expect(new Set(await idsOf('/api/tickets?q=quantum', AS.coord))).toEqual(new Set([urgent.id, jonas.id, basalt.id]));
    // A requester sees their organisation's by default, or only their own.
    expect(new Set(await idsOf('/api/tickets?q=quantum', AS.maria))).toEqual(new Set([urgent.id, jonas.id]));
    expect(await idsOf('/api/tickets?q=quantum&scope=mine', AS.maria)).toEqual([urgent.id]);
    expect(await idsOf('/api/tickets?q=quantum&requester=me', AS.jonas)).toEqual([jonas.id]);
    expect(await idsOf(`/api/tickets?q=${basalt.reference}`, AS.maria)).toEqual([]);
    expect(await idsOf(`/api/tickets?q=${basalt.reference.toLowerCase()}`, AS.lea)).toEqual([basalt.id]);
    expect(await idsOf('/api/tickets?q=quantum&createdFrom=2027-01-12&createdTo=2027-01-12', AS.coord)).toHaveLength(3);
    expect(await idsOf('/api/tickets?q=quantum&createdTo=2027-01-11', AS.coord)).toEqual([]);
  });

  it('sorts the queue by the next due time', async () => {
    const low = await openTicket(stack, AS.maria, { subject: 'Zebra low', priority: 'low', category: 'performance' });
    const urgent = await openTicket(stack, AS.maria, { subject: 'Zebra urgent', priority: 'urgent', category: 'performance' });
    const normal = await openTicket(stack, AS.maria, { subject: 'Zebra normal', priority: 'normal', category: 'performance' });
    expect(await idsOf('/api/tickets?q=zebra&sort=due', AS.coord)).toEqual([urgent.id, normal.id, low.id]);
  });

  it('refuses filters that are not values of the field (400 naming it)', async () => {
    for (const [query, field] of [['priority=soon', 'priority'], ['category=billing', 'category'], ['createdFrom=12/01/2027', 'createdFrom'], ['scope=all', 'scope'], ['sort=name', 'sort']]) {
      const response = await stack.call('GET', `/api/tickets?${query}`, { as: AS.coord });
      expect(response.status, query).toBe(400);
      const fields: string[] = (await response.json()).errors.map((e: { field: string }) => e.field);
      expect(fields.some((named) => named === field || named.startsWith(`${field}.`)), `${query}: ${fields}`).toBe(true);
    }
  });
});
