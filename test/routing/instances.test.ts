// The tickets and routing functions are two Lambdas, each instance with its own short-lived caches: a settings
// change made through the routing function reaches ticket creation in a tickets instance within the settings TTL
// (and at once in a fresh instance), never sooner than the instance's cache allows and never later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoExpertProfiles } from '../../functions/bookings/expert-directory.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { dynamoRoutingStore } from '../../functions/routing/dynamo-store.ts';
import { routingAdmin } from '../../functions/routing/admin.ts';
import { dynamoRoutingAdminStore } from '../../functions/routing/dynamo-admin-store.ts';
import { routingService } from '../../functions/routing/service.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

// Tuesday 12 January 2027, 10:00 UTC: the seeded experts follow the service hours and are on duty.
const clock = fixedClock('2027-01-12T10:00:00.000Z');
const SETTINGS_TTL_MS = 2_000;
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock }); });
afterAll(async () => { await stack?.close(); });

describe('routing served by two functions, each instance with its own caches', () => {
  it('a settings change made on the routing instance is what a tickets instance routes on once its settings cache expires', async () => {
    const { db, tableName } = stack.server;
    const instance = () => routingService({ store: dynamoRoutingStore(db, tableName), profiles: dynamoExpertProfiles(db, tableName), clock, ttl: { settings: SETTINGS_TTL_MS } });
    const routingFunction = routingAdmin(instance(), dynamoRoutingAdminStore(db, tableName));
    const ticketsFunction = instance();
    const ticket = { category: 'ai-training-and-inference' as const, priority: 'normal' as const };
    const readAt = Date.now();
    const before = await ticketsFunction.assign(ticket, async () => 'en');
    expect(before.assigneeId, before.reason).not.toBeNull();
    await ticketsFunction.release(before);

    const { routing } = await routingFunction.rules();
    await routingFunction.putSetting('routing', { ...routing, autoAssign: false });
    // Within the TTL the tickets instance still holds the rules it read (the documented staleness).
    const stale = await ticketsFunction.assign(ticket, async () => 'en');
    if (Date.now() - readAt < SETTINGS_TTL_MS) expect(stale.assigneeId).not.toBeNull();
    await ticketsFunction.release(stale);
    // A fresh instance (a cold start) reads the change at once; the warm one after its TTL.
    expect((await instance().assign(ticket, async () => 'en')).assigneeId).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, readAt + SETTINGS_TTL_MS + 50 - Date.now())));
    expect((await ticketsFunction.assign(ticket, async () => 'en')).assigneeId).toBeNull();
    await routingFunction.putSetting('routing', routing);
  });
});
