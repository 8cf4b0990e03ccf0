import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

// The local server's sweep timer (the notifier's, every 100 ms here) also runs routing's sweep, as the routing
// function's sweepHandler runs on its own schedule in AWS (test/cdk/lambda-handlers.test.ts calls that one).
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ notifications: { sweepMs: 100 } }); });
afterAll(async () => { await stack?.close(); });

describe('routing\'s sweep on the local server\'s timer', () => {
  it('sets a drifted load counter back to what the tickets say, with nobody looking at the roster', async () => {
    const ticket = await openTicket(stack, AS.maria, { topic: 'distributed-training' });
    expect(ticket.assigneeId).toEqual(expect.any(String));
    const store = dynamoRoutingStore(stack.server.db, stack.server.tableName);
    const loadOf = async () => (await store.roster()).find((entry) => entry.expertId === ticket.assigneeId)!;
    const before = await loadOf();
    await store.adjust(ticket.assigneeId, 5, 2);
    await expect.poll(async () => [(await loadOf()).load, (await loadOf()).openTickets], { timeout: 10_000, interval: 100 }).toEqual([before.load, before.openTickets]);
  });
});
