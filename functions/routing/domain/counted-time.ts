/**
 * Counting a clock's time: all of it ('always'), or only the service calendar's open time ('business'), less
 * the stretches a ticket was paused. One walk answers "when has the clock counted this much?", which is what an
 * SLA due time (or the 75 % warning) is.
 */
import { openIntervals, type Interval, type OpeningHours } from './calendar.ts';

export const SLA_CLOCKS = ['business', 'always'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

function* allTime(fromMs: number): Generator<Interval> {
  yield { start: fromMs, end: Number.POSITIVE_INFINITY };
}

/** Sorted and merged, so one pass can cut them out. */
function normalised(pauses: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const pause of [...pauses].filter((p) => p.start < p.end).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && pause.start <= last.end) last.end = Math.max(last.end, pause.end);
    else merged.push({ ...pause });
  }
  return merged;
}

/** The parts of time-ordered intervals outside the (normalised) pauses. */
function* outside(intervals: Iterable<Interval>, pauses: Interval[]): Generator<Interval> {
  let p = 0;
  for (const interval of intervals) {
    let start = interval.start;
    while (start < interval.end) {
      while (p < pauses.length && pauses[p]!.end <= start) p++;
      const pause = pauses[p];
      if (!pause || pause.start >= interval.end) {
        yield { start, end: interval.end };
        break;
      }
      if (pause.start > start) yield { start, end: pause.start };
      start = pause.end;
    }
    if (start === Number.POSITIVE_INFINITY) return; // paused for good: nothing more counts
  }
}

/**
 * The instant at which the clock, started at `fromMs`, has counted `targetMs` of unpaused time. A business clock
 * on hours with no window could never get there; such hours are refused by validation, and should they arrive
 * anyway the clock counts round the clock rather than never falling due.
 */
export function instantAfterCounted(fromMs: number, targetMs: number, clock: SlaClock, hours: OpeningHours, pauses: readonly Interval[] = []): number {
  const counted = clock === 'business' && hours.weekly.length > 0 ? openIntervals(hours, fromMs) : allTime(fromMs);
  let remaining = targetMs;
  for (const { start, end } of outside(counted, normalised(pauses))) {
    if (end - start >= remaining) return start + remaining;
    remaining -= end - start;
  }
  return Number.POSITIVE_INFINITY; // paused for good before the target was reached
}
