import type { Clock } from '../core/clock.ts';
import { violation } from '../core/violation.ts';
import { placementOf, type BookingRecord, type Placement } from './domain/model.ts';
import { chargeMarker, quarterOf } from './domain/quota.ts';
import { slotClaims } from './slot-claims.ts';
import type { BookingStore, Refund, SlotClaim } from './store.ts';

/** Longer than any request can run: an intent untouched this long was left by a crash. */
export const SETTLE_GRACE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 8;

export function refundFor(record: Pick<BookingRecord, 'id' | 'orgId'>, placement: Placement): Refund {
  return { orgId: record.orgId, quarter: quarterOf(placement.start), marker: chargeMarker(record.id, placement.start), minutes: placement.minutes };
}

/** A placement the record still stands on: never given back, whatever a stale release list says. */
function isHeld(record: BookingRecord, placement: Pick<Placement, 'start'>): boolean {
  return (record.status === 'booked' || record.status === 'pending') && record.start === placement.start
    || record.move?.start === placement.start;
}

/**
 * The repair side of the booking writes. Each change to a booking is one conditional write of its record that
 * also lists what is to be given back (`release`) or is under way (`pending`, `move`); the claims and charges
 * follow, and a last write clears the list. Every step is idempotent, so running this again after a crash,
 * from a retry, a later change or the sweeper, converges on the record's state.
 */
export function settlement({ store, clock }: { store: BookingStore; clock: Clock }) {
  const claims = slotClaims(store);
  const isStale = (record: BookingRecord) => Date.parse(record.updatedAt) < clock.now().getTime() - SETTLE_GRACE_MS;

  /** Frees one placement of the booking: its slot claim (if still this booking's) and its charge (if still there). */
  async function givePlacementBack(record: Pick<BookingRecord, 'id' | 'orgId' | 'expertId'>, placement: Placement): Promise<void> {
    await claims.release({ expertId: record.expertId, start: placement.start, end: placement.end, bookingId: record.id });
    await store.refund(refundFor(record, placement));
  }

  async function settle(record: BookingRecord): Promise<BookingRecord> {
    let current = record;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (current.release.length === 0) return current;
      for (const placement of current.release) {
        if (!isHeld(current, placement)) await givePlacementBack(current, placement);
      }
      const next: BookingRecord = { ...current, release: [], version: current.version + 1, updatedAt: clock.now().toISOString() };
      if (await store.replaceBooking(next, current.version)) return next;
      const fresh = await store.getBooking(current.id);
      if (!fresh) return current;
      current = fresh;
    }
    throw violation('busy', 'The booking is being changed by many requests at once; try again.');
  }

  /** Gives up a change left half-done: a pending booking fails, a move is undone; then the debts are settled. */
  async function abandon(record: BookingRecord): Promise<BookingRecord> {
    let current = record;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (current.status !== 'pending' && !current.move) return settle(current);
      const release = [...current.release, ...(current.status === 'pending' ? [placementOf(current)] : []), ...(current.move ? [placementOf(current.move)] : [])];
      const next: BookingRecord = {
        ...current,
        ...(current.status === 'pending' ? { status: 'failed' as const, failure: { code: 'booking.interrupted' as const, detail: 'The booking was interrupted before it completed; book the slot again.' } } : {}),
        move: undefined, release, version: current.version + 1, updatedAt: clock.now().toISOString(),
      };
      if (await store.replaceBooking(next, current.version)) return settle(next);
      const fresh = await store.getBooking(current.id);
      if (!fresh) return current;
      current = fresh;
    }
    throw violation('busy', 'The booking is being changed by many requests at once; try again.');
  }

  /** Before a new change: finish what an earlier one owes; a change still under way blocks it unless stale. */
  async function settleFirst(record: BookingRecord): Promise<BookingRecord> {
    if (record.status === 'pending' || record.move) {
      if (!isStale(record)) throw violation('busy', 'Another change to this booking is under way; try again in a moment.');
      return abandon(record);
    }
    return settle(record);
  }

  /** Repairs records a crash left unsettled (called when minutes or a slot look taken, and on a schedule). */
  async function sweep(limit = 25): Promise<number> {
    const before = new Date(clock.now().getTime() - SETTLE_GRACE_MS).toISOString();
    const stale = await store.listUnsettled(before, limit);
    for (const listed of stale) {
      const fresh = await store.getBooking(listed.id);
      if (fresh && isStale(fresh)) await settleFirst(fresh);
    }
    return stale.length;
  }

  /**
   * Whether a claim blocking a slot is a leftover: its booking is elsewhere, cancelled or failed, or its change
   * was abandoned. Leftovers are released (conditionally on their booking id) and true is returned.
   */
  async function freeIfLeftover(claim: SlotClaim): Promise<boolean> {
    const holder = await store.getBooking(claim.bookingId);
    if (!holder) return false;
    const stands = isHeld(holder, claim);
    if (stands && !((holder.status === 'pending' || holder.move) && isStale(holder))) return false;
    if (stands) await abandon(holder);
    else await claims.release(claim);
    return true;
  }

  return { settle, abandon, settleFirst, sweep, freeIfLeftover, givePlacementBack, isStale };
}

export type Settlement = ReturnType<typeof settlement>;
