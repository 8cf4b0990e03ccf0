import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingService } from '../../functions/bookings/service.ts';
import { SETTLE_GRACE_MS, settlement } from '../../functions/bookings/settlement.ts';
import type { BookingStore } from '../../functions/bookings/store.ts';
import { idempotentId } from '../../functions/core/ids.ts';
import { AS, NOW, principalOf, startStoreStack, type BookingStack } from './support.ts';

/**
 * A process dying between two writes is simulated by a store whose chosen method throws on its nth call
 * (before doing anything). The service over the real store must then converge: by the client's retry with
 * the same Idempotency-Key, by a later change of the booking, or by the sweeper once the grace time is over.
 */
let stack: BookingStack;
let store: BookingStore;
beforeAll(async () => ({ stack, store } = await startStoreStack({ 'aurora-ai': 10_000 })));
afterAll(() => stack.close());

class Crash extends Error {}

function crashingStore(method: keyof BookingStore, onCall = 1): BookingStore {
  let calls = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== method || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        if (calls === onCall) throw new Crash(`crash before ${String(method)}`);
        return value.apply(target, args);
      };
    },
  });
}

const serviceOver = (faulty: BookingStore) => bookingService({ store: faulty, clock: stack.clock, tickets: { find: async () => undefined } });
const sweep = () => settlement({ store, clock: stack.clock }).sweep();
const afterGrace = () => stack.clock.advance(SETTLE_GRACE_MS + 1000);
const usedByAurora = async () => (await stack.allowance('aurora-ai')).used;

async function isFree(expertId: string, slot: { start: string; end: string }): Promise<boolean> {
  const listing = await stack.json(await stack.call('GET', `/api/experts/${expertId}/slots?from=${slot.start}&to=${slot.end}`, { as: AS.coord }));
  return listing.slots.some((s: any) => s.start === slot.start);
}

describe('a crash between claiming the slot and charging', () => {
  it('is finished by the retry with the same Idempotency-Key, charging once', async () => {
    stack.clock.set(NOW);
    const before = await usedByAurora();
    const slot = await stack.takeSlot('u-ana');
    const body = { expertId: 'u-ana', start: slot.start, topic: 'Crash before charge' };
    await expect(serviceOver(crashingStore('charge')).create(principalOf(AS.maria), body, 'crash-key-1')).rejects.toBeInstanceOf(Crash);
    expect(await usedByAurora()).toBe(before);
    expect(await isFree('u-ana', slot)).toBe(false);
    const id = idempotentId('booking', 'u-maria', 'crash-key-1');
    expect((await stack.call('GET', `/api/bookings/${id}`, { as: AS.maria })).status).toBe(404);
    const retry = await stack.call('POST', '/api/bookings', { as: AS.maria, body, headers: { 'idempotency-key': 'crash-key-1' } });
    expect(retry.status).toBe(201);
    expect((await stack.json(await stack.call('GET', `/api/bookings/${id}`, { as: AS.maria }))).status).toBe('booked');
    expect(await usedByAurora()).toBe(before + 60);
    await stack.expectConsistent();
  });

  it('without a retry, is given back by the sweeper after the grace time', async () => {
    stack.clock.set(NOW);
    const before = await usedByAurora();
    const slot = await stack.takeSlot('u-ana');
    await expect(serviceOver(crashingStore('charge')).create(principalOf(AS.maria), { expertId: 'u-ana', start: slot.start, topic: 'Abandoned' })).rejects.toBeInstanceOf(Crash);
    expect(await sweep()).toBe(0);
    expect(await isFree('u-ana', slot)).toBe(false);
    afterGrace();
    expect(await sweep()).toBeGreaterThan(0);
    expect(await usedByAurora()).toBe(before);
    expect(await isFree('u-ana', slot)).toBe(true);
    await stack.expectConsistent();
  });
});

describe('a retry long after the crash', () => {
  it('does not revive the intent: it is given up and answered with a 409', async () => {
    stack.clock.set(NOW);
    const before = await usedByAurora();
    const slot = await stack.takeSlot('u-ana');
    const body = { expertId: 'u-ana', start: slot.start, topic: 'Late retry' };
    await expect(serviceOver(crashingStore('charge')).create(principalOf(AS.maria), body, 'crash-key-3')).rejects.toBeInstanceOf(Crash);
    afterGrace();
    const retry = await stack.call('POST', '/api/bookings', { as: AS.maria, body, headers: { 'idempotency-key': 'crash-key-3' } });
    expect(retry.status).toBe(409);
    expect(await usedByAurora()).toBe(before);
    expect(await isFree('u-ana', slot)).toBe(true);
    await stack.expectConsistent();
  });
});

describe('a crash between claiming the slot and confirming the booking', () => {
  it('leaves a claim that a later booking of the slot clears once the grace time is over', async () => {
    stack.clock.set(NOW);
    const before = await usedByAurora();
    const slot = await stack.takeSlot('u-mikko');
    await expect(serviceOver(crashingStore('replaceBooking')).create(principalOf(AS.maria), { expertId: 'u-mikko', start: slot.start, topic: 'Half done' }, 'crash-key-2'))
      .rejects.toBeInstanceOf(Crash);
    const body = { expertId: 'u-mikko', start: slot.start, topic: 'Next in line' };
    expect((await stack.call('POST', '/api/bookings', { as: AS.lea, body })).status).toBe(409);
    afterGrace();
    expect((await stack.call('POST', '/api/bookings', { as: AS.lea, body })).status).toBe(201);
    expect(await usedByAurora()).toBe(before);
    // The abandoned intent answers its own retry with the failure, never with a second booking.
    const retry = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-mikko', start: slot.start, topic: 'Half done' }, headers: { 'idempotency-key': 'crash-key-2' } });
    expect(retry.status).toBe(409);
    await stack.expectConsistent();
  });
});

describe('a crash in the middle of a cancellation', () => {
  it('is finished by repeating the cancel', async () => {
    stack.clock.set(NOW);
    const booking = await stack.book(AS.maria, 'u-giulia');
    const before = await usedByAurora();
    await expect(serviceOver(crashingStore('putClaimDay')).cancel(principalOf(AS.maria), booking.id, 'crash')).rejects.toBeInstanceOf(Crash);
    expect(await isFree('u-giulia', booking)).toBe(false);
    const again = await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: {} });
    expect(again.status).toBe(200);
    expect((await stack.json(again)).status).toBe('cancelled');
    expect(await isFree('u-giulia', booking)).toBe(true);
    expect(await usedByAurora()).toBe(before - 30);
    await stack.expectConsistent();
  });
});

describe('a crash in the middle of a reschedule', () => {
  it('after the new slot is claimed: the sweeper undoes the move and the booking stays where it was', async () => {
    stack.clock.set(NOW);
    const booking = await stack.book(AS.maria, 'u-giulia');
    const target = await stack.takeSlot('u-giulia');
    const before = await usedByAurora();
    // replaceBooking: 1st call writes the move intent, 2nd would commit the move.
    await expect(serviceOver(crashingStore('replaceBooking', 2)).reschedule(principalOf(AS.maria), booking.id, target.start)).rejects.toBeInstanceOf(Crash);
    expect(await isFree('u-giulia', target)).toBe(false);
    const blocked = await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: {} });
    expect(blocked.status).toBe(409);
    afterGrace();
    await sweep();
    expect(await isFree('u-giulia', target)).toBe(true);
    expect(await usedByAurora()).toBe(before);
    const list = (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as: AS.maria }))).items;
    expect(list.find((b: any) => b.id === booking.id).start).toBe(booking.start);
    await stack.expectConsistent();
  });

  it('after the move is committed: the old slot and charge are given back by the next change', async () => {
    stack.clock.set(NOW);
    const booking = await stack.book(AS.maria, 'u-ana');
    const target = await stack.takeSlot('u-ana');
    const before = await usedByAurora();
    // putClaimDay: 1st call claims the new slot, 2nd would give the old one back.
    await expect(serviceOver(crashingStore('putClaimDay', 2)).reschedule(principalOf(AS.maria), booking.id, target.start)).rejects.toBeInstanceOf(Crash);
    expect(await isFree('u-ana', booking)).toBe(false);
    const cancel = await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: {} });
    expect(cancel.status).toBe(200);
    expect(await isFree('u-ana', booking)).toBe(true);
    expect(await isFree('u-ana', target)).toBe(true);
    expect(await usedByAurora()).toBe(before - 60);
    await stack.expectConsistent();
  });
});

describe('a crash between the two days of a session crossing midnight UTC', () => {
  const night = { id: 'u-night', email: 'night@support.example', name: 'Nina Night', role: 'expert' as const };
  const daysHolding = async (start: string, end: string) => {
    const days = await Promise.all([start, end].map((instant) => store.getClaimDay(night.id, instant.slice(0, 10))));
    return days.map((day) => day.intervals.filter((interval) => interval.start === start).length);
  };
  beforeAll(async () => {
    // Thursday 01:00 to 02:30 in Helsinki is Wednesday 23:00 to Thursday 00:30 UTC.
    const token = await stack.server.idp.tokenFor(night);
    const body = { timeZone: 'Europe/Helsinki', slotMinutes: 90, weekly: [{ day: 'thu', start: '01:00', end: '02:30' }] };
    expect((await stack.call('PUT', '/api/experts/me/availability', { token, body })).status).toBe(200);
  });

  it('leaves the first day claimed, which the retry completes on both days', async () => {
    stack.clock.set(NOW);
    const slot = { start: '2026-12-09T23:00:00.000Z', end: '2026-12-10T00:30:00.000Z' };
    const body = { expertId: night.id, start: slot.start, topic: 'Past midnight' };
    // putClaimDay: 1st call claims Wednesday, 2nd would claim Thursday.
    await expect(serviceOver(crashingStore('putClaimDay', 2)).create(principalOf(AS.maria), body, 'crash-night-1')).rejects.toBeInstanceOf(Crash);
    expect(await daysHolding(slot.start, slot.end)).toEqual([1, 0]);
    expect(await isFree(night.id, slot)).toBe(false);
    const retry = await stack.call('POST', '/api/bookings', { as: AS.maria, body, headers: { 'idempotency-key': 'crash-night-1' } });
    expect(retry.status).toBe(201);
    expect(await daysHolding(slot.start, slot.end)).toEqual([1, 1]);
    expect(await store.listClaims(night.id, '2026-12-09T00:00:00.000Z', '2026-12-11T00:00:00.000Z')).toHaveLength(1);
    await stack.expectConsistent();
  });

  it('without a retry, the sweeper releases the first day after the grace time', async () => {
    stack.clock.set(NOW);
    const before = await usedByAurora();
    const slot = { start: '2026-12-16T23:00:00.000Z', end: '2026-12-17T00:30:00.000Z' };
    await expect(serviceOver(crashingStore('putClaimDay', 2)).create(principalOf(AS.maria), { expertId: night.id, start: slot.start, topic: 'Past midnight, abandoned' }))
      .rejects.toBeInstanceOf(Crash);
    expect(await daysHolding(slot.start, slot.end)).toEqual([1, 0]);
    afterGrace();
    expect(await sweep()).toBeGreaterThan(0);
    expect(await daysHolding(slot.start, slot.end)).toEqual([0, 0]);
    expect(await isFree(night.id, slot)).toBe(true);
    expect(await usedByAurora()).toBe(before);
    await stack.expectConsistent();
  });
});
