/** A session's hold on an expert's time, as stored in the expert's claim items (one per UTC day). */
export interface ClaimedInterval {
  start: string;
  end: string;
  bookingId: string;
}

const DAY_MS = 86_400_000;

/**
 * The UTC days (yyyy-mm-dd, ascending) whose claim items must hold the interval: every day it covers,
 * so a session crossing midnight is seen by overlap checks on either day. An end at midnight covers no more.
 */
export function claimDaysOf(interval: Pick<ClaimedInterval, 'start' | 'end'>): string[] {
  const first = Math.floor(Date.parse(interval.start) / DAY_MS);
  const last = Math.floor((Date.parse(interval.end) - 1) / DAY_MS);
  const days: string[] = [];
  for (let day = first; day <= Math.max(first, last); day++) days.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  return days;
}

/** The day an instant falls on, in UTC. */
export const claimDayOf = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

const overlaps = (a: Pick<ClaimedInterval, 'start' | 'end'>, b: Pick<ClaimedInterval, 'start' | 'end'>) => a.start < b.end && b.start < a.end;
const isSame = (a: ClaimedInterval, b: ClaimedInterval) => a.bookingId === b.bookingId && a.start === b.start;

/** What one day item should become: a new interval list to write, nothing to do, or the intervals in the way. */
export type ClaimDecision = { write: ClaimedInterval[] } | { unchanged: true } | { blocking: ClaimedInterval[] };

/**
 * Adding a claim to a day's intervals. Only other bookings block: a booking may hold two overlapping
 * intervals while it moves by less than its length. Claiming again what the booking holds changes nothing.
 */
export function addClaim(intervals: readonly ClaimedInterval[], claim: ClaimedInterval): ClaimDecision {
  if (intervals.some((held) => isSame(held, claim))) return { unchanged: true };
  const blocking = intervals.filter((held) => held.bookingId !== claim.bookingId && overlaps(held, claim));
  if (blocking.length > 0) return { blocking };
  return { write: [...intervals, { start: claim.start, end: claim.end, bookingId: claim.bookingId }].sort((a, b) => a.start.localeCompare(b.start)) };
}

/** Removing the booking's interval that starts at `claim.start`; nothing to do when it is not there. */
export function removeClaim(intervals: readonly ClaimedInterval[], claim: ClaimedInterval): ClaimDecision {
  const rest = intervals.filter((held) => !isSame(held, claim));
  return rest.length === intervals.length ? { unchanged: true } : { write: rest };
}
