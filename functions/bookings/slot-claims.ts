import { violation } from '../core/violation.ts';
import { addClaim, claimDaysOf, removeClaim, type ClaimDecision, type ClaimedInterval } from './domain/claims.ts';
import type { BookingStore, SlotClaim } from './store.ts';

/** Every lost write means another request's write went through, so this bounds the requests racing on one day. */
const MAX_WRITE_ATTEMPTS = 64;

/**
 * Claims on an expert's time. Each UTC day is one item holding that day's intervals and a version; a change is
 * read, decided on the whole day (pure rules in domain/claims.ts), and written only if the version is still the
 * one read. So one conditional write decides between any two sessions that overlap, whatever their starts.
 */
export function slotClaims(store: BookingStore) {
  /** Applies the decision to one day, re-reading after a lost write; the intervals in the way, if any. */
  async function changeDay(expertId: string, day: string, decide: (intervals: ClaimedInterval[]) => ClaimDecision): Promise<ClaimedInterval[]> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await store.getClaimDay(expertId, day);
      const decision = decide(current.intervals);
      if ('blocking' in decision) return decision.blocking;
      if ('unchanged' in decision) return [];
      if (await store.putClaimDay({ expertId, day, intervals: decision.write }, current.version)) return [];
    }
    throw violation('busy', "The expert's calendar is being changed by many requests at once; try again.");
  }

  const intervalOf = ({ start, end, bookingId }: SlotClaim): ClaimedInterval => ({ start, end, bookingId });

  return {
    /**
     * Claims the interval on every day it covers, in ascending order (so two sessions crossing the same midnight
     * meet on the first day). Returns the other bookings' claims in the way, none when claimed; a refusal on a
     * later day gives back the earlier days first.
     */
    async claim(claim: SlotClaim): Promise<SlotClaim[]> {
      const days = claimDaysOf(claim);
      for (const [index, day] of days.entries()) {
        const blocking = await changeDay(claim.expertId, day, (intervals) => addClaim(intervals, intervalOf(claim)));
        if (blocking.length === 0) continue;
        for (const earlier of days.slice(0, index)) await changeDay(claim.expertId, earlier, (intervals) => removeClaim(intervals, intervalOf(claim)));
        return blocking.map((interval) => ({ expertId: claim.expertId, ...interval }));
      }
      return [];
    },

    /** Removes the booking's interval from every day it covers; idempotent. */
    async release(claim: SlotClaim): Promise<void> {
      for (const day of claimDaysOf(claim)) await changeDay(claim.expertId, day, (intervals) => removeClaim(intervals, intervalOf(claim)));
    },
  };
}

export type SlotClaims = ReturnType<typeof slotClaims>;
