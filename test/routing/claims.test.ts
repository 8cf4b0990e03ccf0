import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import { dynamoExpertProfiles } from '../../functions/bookings/expert-directory.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { routingService } from '../../functions/routing/service.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

// Tuesday 12 January 2027, 10:00 UTC: both experts below follow the service hours and are on duty.
const clock = fixedClock('2027-01-12T10:00:00.000Z');
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ seed: true, clock });
  const bookings = dynamoBookingStore(stack.server.db, stack.server.tableName);
  // Two equally fit experts of a category nobody else handles (performance: the monitoring topic).
  for (const id of ['u-perf-a', 'u-perf-b']) {
    await bookings.putExpertProfile({ id, name: id, email: `${id}@support.example`, bio: '', expertise: ['monitoring-profiling'], skills: [], languages: ['en'], systems: [], meetingLink: 'https://meet.example/x' });
  }
});
afterAll(async () => { await stack?.close(); });

describe('claims on the load counters', () => {
  it('20 creations at once on 20 instances (each with its own cache) spread over equally fit experts; the counters count every one', async () => {
    const { db, tableName } = stack.server;
    const store = dynamoRoutingStore(db, tableName);
    // Twenty Lambda instances, each having read the roster before any claim (a ticket nobody handles reads it and
    // claims nothing): each starts from loads 0 and 0, and would choose the same expert on what it read.
    const instances = Array.from({ length: 20 }, () => routingService({ store, profiles: dynamoExpertProfiles(db, tableName), clock, ttl: { roster: 60_000 } }));
    await Promise.all(instances.map((routing) => routing.assign({ category: 'other', priority: 'normal' }, async () => 'en')));
    const routed = await Promise.all(instances.map((routing) => routing.assign({ category: 'performance', priority: 'normal' }, async () => 'en')));
    const counts = new Map<string, number>();
    for (const r of routed) counts.set(r.assigneeId!, (counts.get(r.assigneeId!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['u-perf-a', 'u-perf-b']);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(14);
    const roster = new Map((await store.roster()).map((entry) => [entry.expertId, entry]));
    for (const id of ['u-perf-a', 'u-perf-b']) {
      expect(roster.get(id)).toMatchObject({ load: counts.get(id), openTickets: counts.get(id) });
    }
  });
});
