import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { chargeMarker, quarterOf } from '../../functions/bookings/domain/quota.ts';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import type { BookingStore } from '../../functions/bookings/store.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { principalFromUser } from '../../functions/core/users.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
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
  /** The storage invariants, checked on the raw items: see `consistencyProblems`. */
  expectConsistent(): Promise<void>;
}

/**
 * Once every change has settled: each booked record holds exactly its slot claim and its charge marker, the
 * quarterly counters equal the sum of their markers, nothing is pending or owed, no two bookings' claims overlap.
 */
export function consistencyProblems(items: Record<string, any>[]): string[] {
  const problems: string[] = [];
  const records = items.filter((i) => String(i.pk).startsWith('BOOKING#'));
  const booked = records.filter((r) => r.status === 'booked');
  const days = items.filter((i) => String(i.pk).startsWith('EXPERT#') && String(i.sk).startsWith('CLAIMS#'));
  // A session crossing midnight UTC sits in both days' items: count it once, and check each day on its own for overlaps.
  const claims = [...new Map(days.flatMap((d) => (d.intervals as any[]).map((c) => [`${d.expertId}|${c.start}|${c.bookingId}`, { ...c, expertId: d.expertId }]))).values()];
  for (const d of days) {
    const intervals = d.intervals as any[];
    intervals.forEach((a, i) => intervals.slice(i + 1).forEach((b) => {
      if (a.bookingId !== b.bookingId && a.start < b.end && b.start < a.end) problems.push(`claims ${a.start} (${a.bookingId}) and ${b.start} (${b.bookingId}) overlap`);
    }));
  }
  const usages = items.filter((i) => String(i.sk).startsWith('USAGE#'));
  for (const r of records) {
    if (r.status === 'pending' || r.move || r.release?.length) problems.push(`record ${r.id} unsettled`);
  }
  const expectedClaims = new Map(booked.map((r) => [`${r.expertId}|${r.start}`, r.id]));
  if (expectedClaims.size !== booked.length) problems.push('two booked records share a slot');
  for (const c of claims) {
    const owner = expectedClaims.get(`${c.expertId}|${c.start}`);
    if (owner !== c.bookingId) problems.push(`claim ${c.expertId} ${c.start} held by ${c.bookingId}, booked by ${owner}`);
  }
  if (claims.length !== booked.length) problems.push(`${claims.length} claims for ${booked.length} booked records`);
  for (const u of usages) {
    const markers = Object.keys(u).filter((k) => k.startsWith('charge#'));
    const sum = markers.reduce((total, k) => total + u[k].minutes, 0);
    if (sum !== u.used) problems.push(`usage ${u.pk} ${u.sk}: used ${u.used}, markers sum ${sum}`);
    const expected = booked.filter((r) => `ORG#${r.orgId}` === u.pk && `USAGE#${quarterOf(r.start)}` === u.sk).map((r) => chargeMarker(r.id, r.start));
    if (JSON.stringify([...markers].sort()) !== JSON.stringify([...expected].sort())) problems.push(`usage ${u.pk} ${u.sk}: markers ${markers} expected ${expected}`);
  }
  return problems;
}

export async function startBookingStack(now = NOW): Promise<BookingStack> {
  const clock = fixedClock(now);
  const stack = await startTestStack({ clock });
  const json = async (response: Response) => JSON.parse(await response.text());
  const scan = async () => {
    const items: Record<string, any>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.server.db.send(new ScanCommand({ TableName: stack.server.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };

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
      expect(consistencyProblems(await scan())).toEqual([]);
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
