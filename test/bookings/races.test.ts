import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingService } from '../../functions/bookings/service.ts';
import type { BookingStore, SlotClaim } from '../../functions/bookings/store.ts';
import { AS, principalOf, startStoreStack, type BookingStack } from './support.ts';

/** Races the earlier tests could not provoke: sessions that overlap without sharing a start, and one slot against the allowance. */
let stack: BookingStack;
let store: BookingStore;
beforeAll(async () => ({ stack, store } = await startStoreStack({ 'aurora-ai': 10_000, 'basalt-labs': 10_000 })));
afterAll(() => stack.close());

async function publish(weekly: Array<{ day: string; start: string; end: string }>, slotMinutes = 60, timeZone = 'UTC'): Promise<void> {
  const response = await stack.call('PUT', '/api/experts/me/availability', { as: AS.mikko, body: { timeZone, slotMinutes, weekly } });
  expect(response.status, await response.clone().text()).toBe(200);
}

function overlappingPairs(claims: SlotClaim[]): string[] {
  const pairs: string[] = [];
  claims.forEach((a, i) => claims.slice(i + 1).forEach((b) => {
    if (a.bookingId !== b.bookingId && a.start < b.end && b.start < a.end) pairs.push(`${a.start} ${a.bookingId} / ${b.start} ${b.bookingId}`);
  }));
  return pairs;
}

const claimsOfMikko = (day: string, lastDay = day) => store.listClaims('u-mikko', `${day}T00:00:00.000Z`, `${lastDay}T23:59:59.999Z`);

/**
 * Holds every caller of the slot-overlap read until `parties` have made it, so all of them decide on the same
 * (empty) picture of the expert's claims: the interleaving in which only the claim write can tell them apart.
 */
function readBarrier(parties: number) {
  let arrived = 0;
  let open!: () => void;
  let firstIn!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  const firstArrived = new Promise<void>((resolve) => { firstIn = resolve; });
  const gated = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'listClaims' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await value.apply(target, args);
        arrived += 1;
        firstIn();
        if (arrived >= parties) open();
        await opened;
        return result;
      };
    },
  });
  return { store: gated as BookingStore, firstArrived };
}

/** Runs two bookings that both pass the slot checks before either claims, the grid changing between them. */
async function raceAcrossGridChange(early: string, nextGrid: () => Promise<void>, late: string) {
  const barrier = readBarrier(2);
  const service = bookingService({ store: barrier.store, clock: stack.clock, tickets: { find: async () => undefined } });
  const first = service.create(principalOf(AS.maria), { expertId: 'u-mikko', start: early, topic: 'On the old grid' });
  // The early request has read the old grid; now the expert changes it.
  await barrier.firstArrived;
  await nextGrid();
  const second = service.create(principalOf(AS.lea), { expertId: 'u-mikko', start: late, topic: 'On the new grid' });
  const outcomes = await Promise.allSettled([first, second]);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toMatchObject({ code: 'slot.taken' });
}

describe('sessions that overlap without sharing a start', () => {
  it('two requests that both saw the expert free: exactly one is booked, the stored claims never overlap', async () => {
    const day = '2026-12-10';
    await publish([{ day: 'thu', start: '10:00', end: '12:00' }]);
    await raceAcrossGridChange(`${day}T10:00:00Z`, () => publish([{ day: 'thu', start: '10:30', end: '12:30' }]), `${day}T10:30:00Z`);
    const claims = await claimsOfMikko(day);
    expect(claims).toHaveLength(1);
    expect(overlappingPairs(claims)).toEqual([]);
    await stack.expectConsistent();
  });

  it('a session crossing midnight UTC and one on the next day only: exactly one is booked', async () => {
    // Thursday 01:00 to 02:30 in Helsinki is Wednesday 23:00 to Thursday 00:30 UTC.
    await publish([{ day: 'thu', start: '01:00', end: '02:30' }], 90, 'Europe/Helsinki');
    await raceAcrossGridChange('2026-12-09T23:00:00Z', () => publish([{ day: 'thu', start: '02:00', end: '03:00' }], 60, 'Europe/Helsinki'), '2026-12-10T00:00:00Z');
    const claims = await claimsOfMikko('2026-12-09', '2026-12-10');
    expect(claims.filter((c) => c.start.startsWith('2026-12-09T23') || c.start.startsWith('2026-12-10T00'))).toHaveLength(1);
    expect(overlappingPairs(claims)).toEqual([]);
    await stack.expectConsistent();
  });

  it('a burst over the API across a change of grid: at most one session, no overlapping claims', async () => {
    const day = '2026-12-17';
    await publish([{ day: 'thu', start: '10:00', end: '12:00' }]);
    const book = (as: string, start: string, topic: string) =>
      stack.call('POST', '/api/bookings', { as, body: { expertId: 'u-mikko', start: `${day}T${start}:00Z`, topic } });
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => book(AS.maria, '10:00', `Old grid ${i}`)),
      stack.call('PUT', '/api/experts/me/availability', { as: AS.mikko, body: { timeZone: 'UTC', slotMinutes: 60, weekly: [{ day: 'thu', start: '10:30', end: '12:30' }] } }),
      ...Array.from({ length: 8 }, (_, i) => book(AS.lea, '10:30', `New grid ${i}`)),
    ]);
    const bookings = responses.filter((_, i) => i !== 4);
    expect(bookings.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
    for (const response of bookings.filter((r) => r.status !== 201)) expect([409, 422]).toContain(response.status);
    expect(overlappingPairs(await claimsOfMikko(day))).toEqual([]);
    await stack.expectConsistent();
  });
});

describe('many requests for one slot with allowance to spare for one', () => {
  it('every loser hears the slot is taken, not that the allowance is spent', async () => {
    await publish([{ day: 'thu', start: '09:00', end: '12:00' }], 45);
    const { used } = await stack.allowance('aurora-ai');
    await stack.setAllowance('aurora-ai', used + 180);
    const start = '2026-12-24T09:00:00Z';
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => stack.call('POST', '/api/bookings', {
      as: i % 2 ? AS.maria : AS.jonas, body: { expertId: 'u-mikko', start, topic: `Attempt ${i}` },
    })));
    const codes = responses.map((r) => r.status).sort();
    expect(codes).toEqual([201, ...Array(11).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect((await stack.json(response)).detail).toMatch(/booked this slot/);
    }
    expect(await stack.allowance('aurora-ai')).toMatchObject({ used: used + 45, remaining: 135 });
    await stack.expectConsistent();
  });

  it('when the minutes really run out, the refusal states what is left', async () => {
    const { used } = await stack.allowance('aurora-ai');
    await stack.setAllowance('aurora-ai', used + 45);
    const starts = ['2026-12-24T09:45:00Z', '2026-12-24T10:30:00Z'];
    const responses = await Promise.all(starts.map((start, i) => stack.call('POST', '/api/bookings', {
      as: AS.maria, body: { expertId: 'u-mikko', start, topic: `Last minutes ${i}` },
    })));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422]);
    const refusal = await stack.json(responses.find((r) => r.status === 422)!);
    expect(refusal.detail).toContain(`(0 of ${used + 45} minutes left, 45 needed)`);
    await stack.setAllowance('aurora-ai', 10_000);
    await stack.expectConsistent();
  });
});
