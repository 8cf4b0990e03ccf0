import { expect } from 'vitest';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import type { BookingStore } from '../../functions/bookings/store.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { principalFromUser } from '../../functions/core/users.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { bookingProblems, scanTable } from '../support/invariants.ts';
import { slotDealer } from '../support/slots.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

/** Monday morning; the seed's demo bookings fall on Thursday 2026-12-03. */
export const NOW = '2026-11-30T08:00:00Z';

/** A seeded requester as the service layer sees them, for tests that call the service directly. */
export function principalOf(email: string) {
  return principalFromUser(seedUser(email), 'requester');
}

export interface BookingStack extends TestStack {
  clock: ReturnType<typeof fixedClock>;
  json<T = any>(response: Response): Promise<T>;
  /** Free slots of an expert handed out once each, so tests never collide on one by accident. */
  takeSlot(expertId: string): Promise<{ start: string; end: string }>;
  book(as: string, expertId: string, extra?: Record<string, unknown>): Promise<any>;
  allowance(orgId: string): Promise<{ minutes: number; used: number; remaining: number }>;
  setAllowance(orgId: string, minutes: number): Promise<void>;
  /** Every item of the table, to prove a refused request wrote nothing. */
  snapshot(): Promise<string>;
  items(): Promise<Record<string, any>[]>;
  /** The storage invariants, checked on the raw items: see `bookingProblems` (test/support/invariants.ts). */
  expectConsistent(): Promise<void>;
}

export async function startBookingStack(now = NOW): Promise<BookingStack> {
  const clock = fixedClock(now);
  const stack = await startTestStack({ clock });
  const json = async (response: Response) => JSON.parse(await response.text());
  const scan = () => scanTable(stack.server.db, stack.server.tableName);

  const takeSlot = slotDealer(stack, clock, 59);

  return {
    ...stack,
    clock,
    json,
    takeSlot,
    async book(as, expertId, extra = {}) {
      const slot = await takeSlot(expertId);
      const response = await stack.call('POST', '/api/bookings', { as, body: { expertId, start: slot.start, topic: 'Scaling FSDP on Leonardo', ...extra } });
      expect(response.status, await response.clone().text()).toBe(201);
      return json(response);
    },
    async allowance(orgId) {
      return json(await stack.call('GET', `/api/orgs/${orgId}/allowance`, { as: AS.coord }));
    },
    async setAllowance(orgId, minutes) {
      const response = await stack.call('PUT', `/api/orgs/${orgId}/allowance`, { as: AS.coord, body: { minutes } });
      expect(response.status).toBe(200);
    },
    items: scan,
    async snapshot() {
      return JSON.stringify((await scan()).map((item) => JSON.stringify(item, Object.keys(item).sort())).sort());
    },
    async expectConsistent() {
      expect(bookingProblems(await scan())).toEqual([]);
    },
  };
}

/**
 * A stack whose organisations have these allowances, with the real store over its table: for the tests that drive
 * the booking service directly (crashes between writes, races) and check the result through the API.
 */
export async function startStoreStack(allowances: Record<string, number>): Promise<{ stack: BookingStack; store: BookingStore }> {
  const stack = await startBookingStack();
  for (const [orgId, minutes] of Object.entries(allowances)) await stack.setAllowance(orgId, minutes);
  return { stack, store: dynamoBookingStore(stack.server.db, stack.server.tableName) };
}

export { AS };
