import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from '../bookings/support.ts';
import { etagOf, openTicket, validTicket } from '../support/tickets.ts';

let stack: BookingStack;
beforeAll(async () => { stack = await startBookingStack(); });
afterAll(() => stack?.close());

/** The problem an answer carries, after checking it names its code in both places a client may read. */
async function problemOf(response: Response, code: string, status: number) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await stack.json(response);
  expect(problem, JSON.stringify(problem)).toMatchObject({ type: `/problems/${code}`, code, status });
  expect(response.status).toBe(status);
  return problem;
}

describe('a broken business rule answers with its code as the problem type', () => {
  it('ticket.transition, with the states it names', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const response = await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: AS.maria, body: { status: 'waiting' }, headers: { 'if-match': await etagOf(stack, ticket.id) } });
    const problem = await problemOf(response, 'ticket.transition', 422);
    expect(problem).toMatchObject({ from: 'new', to: 'waiting', title: 'Not possible', detail: 'A ticket cannot go from new to waiting by its requester.' });
  });

  it('ticket.internal-note and ticket.requester-change, both 403', async () => {
    const ticket = await openTicket(stack, AS.maria);
    await problemOf(await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.maria, body: { body: 'Psst', internal: true } }), 'ticket.internal-note', 403);
    const patch = await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: AS.maria, body: { priority: 'urgent' }, headers: { 'if-match': await etagOf(stack, ticket.id) } });
    await problemOf(patch, 'ticket.requester-change', 403);
  });

  it('slot.taken when another organisation holds the slot', async () => {
    const first = await stack.book(AS.maria, 'u-ana');
    const response = await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-ana', start: first.start, topic: 'Same slot' } });
    expect((await problemOf(response, 'slot.taken', 409)).detail).toBe('Someone booked this slot a moment ago; pick another.');
  });

  it('allowance.spent, also when the failed request is retried, and from a record stored before codes', async () => {
    await stack.setAllowance('basalt-labs', (await stack.allowance('basalt-labs')).used);
    const slot = await stack.takeSlot('u-giulia');
    const request = { as: AS.lea, body: { expertId: 'u-giulia', start: slot.start, topic: 'Over the allowance' }, headers: { 'idempotency-key': 'spent-1' } };
    const first = await problemOf(await stack.call('POST', '/api/bookings', request), 'allowance.spent', 422);
    expect(first.detail).toMatch(/^Your organisation's mentoring allowance for \d{4}-Q\d is spent/);
    expect(await problemOf(await stack.call('POST', '/api/bookings', request), 'allowance.spent', 422)).toEqual(first);

    // A failed record written by the release before codes kept the HTTP status instead.
    const record = (await stack.items()).find((item) => item.status === 'failed' && item.orgId === 'basalt-labs')!;
    expect(record.failure).toEqual({ code: 'allowance.spent', detail: first.detail });
    await stack.server.db.send(new UpdateCommand({
      TableName: stack.server.tableName, Key: { pk: record.pk, sk: record.sk },
      UpdateExpression: 'SET failure = :legacy', ExpressionAttributeValues: { ':legacy': { status: 422, detail: first.detail } },
    }));
    expect(await problemOf(await stack.call('POST', '/api/bookings', request), 'allowance.spent', 422)).toEqual(first);
    await stack.setAllowance('basalt-labs', 2000);
  });

  it('idempotency.key-reused names the header as its field', async () => {
    const headers = { 'idempotency-key': 'reused-1' };
    expect((await stack.call('POST', '/api/tickets', { as: AS.jonas, body: { ...validTicket, subject: 'First use of this key' }, headers })).status).toBe(201);
    const again = await stack.call('POST', '/api/tickets', { as: AS.jonas, body: { ...validTicket, subject: 'Another request under the same key' }, headers });
    expect(await problemOf(again, 'idempotency.key-reused', 422)).toMatchObject({ field: 'Idempotency-Key' });
  });

  it('problems of the exchange keep their types and carry a code too', async () => {
    await problemOf(await stack.call('GET', '/api/tickets/nope', { as: AS.maria }), 'not-found', 404);
    await problemOf(await stack.call('GET', '/api/tickets'), 'unauthorized', 401);
  });
});
