// The invariants under injected storage faults: throttling, 5xx, connection resets and unknown outcomes. Fixed
// seeds plus one random seed per run (printed, replay with FAULT_SEED=<seed>). After the faults stop and the
// repair paths have run, the table is checked by test/support/invariants.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import { SETTLE_GRACE_MS, settlement } from '../../functions/bookings/settlement.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { NOW, switchableTransport } from '../notify/support.ts';
import { injectFaults, isWrite, keyOf, runSeed, seededRandom, type Attempt, type FaultLayer } from '../support/faults.ts';
import { invariantProblems, scanTable } from '../support/invariants.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { newTrafficLog, trafficOf } from '../support/traffic.ts';

interface FaultyStack extends TestStack {
  faults: FaultLayer;
  clock: ReturnType<typeof fixedClock>;
  transport: ReturnType<typeof switchableTransport>;
  since: string;
  /** Faults off, then every repair path: stale intents swept, the change feed polled, the notifier's sweep. */
  settle(): Promise<void>;
  problems(): Promise<string[]>;
}

let open: FaultyStack | undefined;
afterEach(async () => { await open?.close(); open = undefined; });

async function startFaultyStack(seed: number, rate = 0): Promise<FaultyStack> {
  const clock = fixedClock(NOW);
  const transport = switchableTransport();
  let faults!: FaultLayer;
  const stack = await startTestStack({ clock, notifications: { transport }, events: { overlapMs: 60_000 }, instrumentDb: (db) => { faults = injectFaults(db, { seed }); } });
  clock.advance(1000);
  faults.rate = rate;
  const since = clock.now().toISOString();
  const bookingSweep = settlement({ store: dynamoBookingStore(stack.server.db, stack.server.tableName), clock });
  const { feed } = stack.server.events;
  const { sweep } = stack.server.notifications;
  open = {
    ...stack, faults, clock, transport, since,
    async settle() {
      faults.stop();
      clock.advance(SETTLE_GRACE_MS + 1000);
      while (await bookingSweep.sweep() > 0) { /* until nothing is left to repair */ }
      await feed.poll();
      await sweep.run();
      await feed.poll();
    },
    async problems() {
      return invariantProblems(await scanTable(stack.server.db, stack.server.tableName), transport.accepted, { since });
    },
  };
  return open;
}

const json = async (response: Response) => JSON.parse(await response.text());
const ticketPut = (attempt: Attempt) => attempt.command === 'PutItemCommand' && keyOf(attempt).sk === 'TICKET';
const bookingPut = (attempt: Attempt) => attempt.command === 'PutItemCommand' && keyOf(attempt).sk === 'BOOKING';
const reads = (sk: string, faults: FaultLayer) => (attempt: Attempt) => attempt.command === 'GetItemCommand' && keyOf(attempt).sk === sk && faults.injected['unknown-outcome'] > 0;

describe('retries exhausted', () => {
  it('answer 503 problem+json with Retry-After, never 500, on a read and on a write', async () => {
    const stack = await startFaultyStack(1);
    // Every attempt of the listing's own queries (a request may make other reads beside them, in parallel).
    const listing = (a: Attempt) => a.command === 'QueryCommand';
    stack.faults.force('throttling', 30, listing);
    const read = await stack.call('GET', '/api/tickets', { as: AS.maria });
    expect(read.status).toBe(503);
    expect(read.headers.get('content-type')).toBe('application/problem+json');
    expect(read.headers.get('retry-after')).toBe('1');
    expect(await json(read)).toMatchObject({ type: '/problems/unavailable', code: 'unavailable', status: 503 });

    stack.faults.force('internal', 3, isWrite);
    const write = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'Under an outage', body: 'x', category: 'other' } });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('1');
    stack.faults.stop();
    expect((await stack.call('GET', '/api/tickets', { as: AS.maria })).status).toBe(200);
  });
});

describe('an unknown outcome', () => {
  it('of a ticket without a key is recognised: one ticket, answered 201', async () => {
    const stack = await startFaultyStack(2);
    stack.faults.force('unknown-outcome', 1, ticketPut);
    const response = await stack.call('POST', '/api/tickets', { as: AS.lea, body: { subject: 'Unknown outcome', body: 'x', category: 'other' } });
    expect(stack.faults.injected['unknown-outcome']).toBe(1);
    expect(response.status).toBe(201);
    const mine = await json(await stack.call('GET', '/api/tickets?limit=50', { as: AS.lea }));
    expect(mine.items.filter((t: { subject: string }) => t.subject === 'Unknown outcome')).toHaveLength(1);
  });

  it('then 503: a retry with the same Idempotency-Key gets the first ticket', async () => {
    const stack = await startFaultyStack(3);
    stack.faults.force('unknown-outcome', 1, ticketPut);
    stack.faults.force('throttling', 2, ticketPut);
    // ... and the read-back that would recognise the write fails too: the client hears 503.
    stack.faults.force('throttling', 3, reads('TICKET', stack.faults));
    const request = { as: AS.maria, headers: { 'idempotency-key': 'unknown-1' }, body: { subject: 'Landed unseen', body: 'x', category: 'other' } };
    expect((await stack.call('POST', '/api/tickets', request)).status).toBe(503);
    const retry = await stack.call('POST', '/api/tickets', request);
    expect([200, 201]).toContain(retry.status);
    const ticket = await json(retry);
    const again = await json(await stack.call('POST', '/api/tickets', request));
    expect(again.id).toBe(ticket.id);
    expect(again.number).toBe(ticket.number);
    const mine = await json(await stack.call('GET', '/api/tickets?limit=50', { as: AS.maria }));
    expect(mine.items.filter((t: { subject: string }) => t.subject === 'Landed unseen')).toHaveLength(1);
    await stack.settle();
    expect(await stack.problems()).toEqual([]);
  });

  it('then 503: a retry with the same Idempotency-Key gets the first booking, charged once', async () => {
    const stack = await startFaultyStack(4);
    const from = new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const to = new Date(stack.clock.now().getTime() + 14 * 86_400_000).toISOString();
    const { slots } = await json(await stack.call('GET', `/api/experts/u-mikko/slots?from=${from}&to=${to}`, { as: AS.coord }));
    const before = await json(await stack.call('GET', '/api/orgs/basalt-labs/allowance', { as: AS.coord }));
    stack.faults.force('unknown-outcome', 1, bookingPut);
    stack.faults.force('reset', 2, bookingPut);
    stack.faults.force('internal', 3, reads('BOOKING', stack.faults));
    const request = { as: AS.lea, headers: { 'idempotency-key': 'unknown-2' }, body: { expertId: 'u-mikko', start: slots[0].start, topic: 'Landed unseen' } };
    expect((await stack.call('POST', '/api/bookings', request)).status).toBe(503);
    const retry = await stack.call('POST', '/api/bookings', request);
    expect([200, 201]).toContain(retry.status);
    const booking = await json(retry);
    expect(booking.status).toBe('booked');
    expect((await json(await stack.call('POST', '/api/bookings', request))).id).toBe(booking.id);
    const after = await json(await stack.call('GET', '/api/orgs/basalt-labs/allowance', { as: AS.coord }));
    expect(after.used).toBe(before.used + (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000);
    await stack.settle();
    expect(await stack.problems()).toEqual([]);
  });

  it('of a delivery claim: the mail goes once, and the marker says sent', async () => {
    const stack = await startFaultyStack(5);
    const ticket = await json(await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'Mail once', body: 'x', category: 'other' } }));
    // The creation's own mails (the acknowledgement) go first, so only the reply's mail is counted below.
    await stack.server.events.feed.poll();
    const before = stack.transport.accepted.filter((mail) => mail.to.address === 'maria@aurora-ai.example').length;
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.ana, body: { body: 'Answer.' } });
    stack.faults.force('unknown-outcome', 1, (a) => a.command === 'UpdateItemCommand' && String(keyOf(a).pk).startsWith('NOTIFY#DELIVERY#'));
    await stack.server.events.feed.poll();
    expect(stack.faults.injected['unknown-outcome']).toBe(1);
    await stack.settle();
    expect(stack.transport.accepted.filter((mail) => mail.to.address === 'maria@aurora-ai.example')).toHaveLength(before + 1);
    expect(await stack.problems()).toEqual([]);
  });
});

describe('a sent mail whose marker cannot be written at once', () => {
  it('is recorded as sent after more rounds, and never sent again by the sweep', async () => {
    const stack = await startFaultyStack(6);
    const ticket = await json(await stack.call('POST', '/api/tickets', { as: AS.jonas, body: { subject: 'Mark sent', body: 'x', category: 'other' } }));
    // The creation's own mails (the acknowledgement) go first, so only the reply's mail is counted below.
    await stack.server.events.feed.poll();
    const before = stack.transport.accepted.filter((mail) => mail.to.address === 'jonas@aurora-ai.example').length;
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.mikko, body: { body: 'Answer.' } });
    const markSent = (a: Attempt) => a.command === 'UpdateItemCommand' && String(keyOf(a).pk).startsWith('NOTIFY#DELIVERY#')
      && !a.input.ConditionExpression && JSON.stringify(a.input.ExpressionAttributeValues).includes('"sent"');
    stack.faults.force('throttling', 3, markSent);
    await stack.server.events.feed.poll();
    expect(stack.faults.injected.throttling).toBe(3);
    stack.clock.advance(6 * 60_000);
    await stack.server.notifications.sweep.run();
    await stack.settle();
    expect(stack.transport.accepted.filter((mail) => mail.to.address === 'jonas@aurora-ai.example')).toHaveLength(before + 1);
    expect(await stack.problems()).toEqual([]);
  });
});

describe.each([11, 23, 42, runSeed('under-faults')])('mixed traffic under random faults (seed %i)', (seed) => {
  it('never answers 500, and every invariant holds once the faults stop', async () => {
    const stack = await startFaultyStack(seed, 0.12);
    const log = newTrafficLog();
    const traffic = trafficOf({ call: stack.call, log, random: seededRandom(seed), now: () => stack.clock.now(), wait: () => new Promise((r) => setTimeout(r, 5)) });
    const lane = async (n: number) => {
      for (let i = 0; i < n; i++) {
        stack.clock.advance(200);
        await traffic.next();
        // The notifier works under the same faults; a poll that fails is simply the next poll's work.
        if (i % 4 === 3) await stack.server.events.feed.poll().catch(() => undefined);
      }
    };
    await Promise.all([lane(12), lane(12), lane(12)]);
    await stack.settle();
    expect(Object.values(stack.faults.injected).reduce((a, b) => a + b, 0), 'faults were injected').toBeGreaterThan(5);
    expect(log.defects, `seed ${seed}`).toEqual([]);
    expect(log.statuses.has(500), `seed ${seed}`).toBe(false);
    expect(await stack.problems(), `seed ${seed}`).toEqual([]);
  });
});
