/**
 * Counting a clock's time: all of it ('always'), or only the service calendar's open time ('business'), less
 * the stretches a ticket was paused. One walk answers "when has the clock counted this much?", which is what an
 * SLA due time (or the 75 % warning) is.
 */
import { openIntervals, type Interval, type OpeningHours } from './calendar.ts';
import { mergedIntervals, outside } from './intervals.ts';

export const SLA_CLOCKS = ['business', 'always'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

function* allTime(fromMs: number): Generator<Interval> {
  yield { start: fromMs, end: Number.POSITIVE_INFINITY };
}

/**
 * The instant at which the clock, started at `fromMs`, has counted `targetMs` of unpaused time. A business clock
 * on hours with no window could never get there; such hours are refused by validation, and should they arrive
 * anyway the clock counts round the clock rather than never falling due.
 */
export function instantAfterCounted(fromMs: number, targetMs: number, clock: SlaClock, hours: OpeningHours, pauses: readonly Interval[] = []): number {
  const counted = clock === 'business' && hours.weekly.length > 0 ? openIntervals(hours, fromMs) : allTime(fromMs);
  let remaining = targetMs;
  for (const { start, end } of outside(counted, mergedIntervals(pauses))) {
    if (end - start >= remaining) return start + remaining;
    remaining -= end - start;
  }
  return Number.POSITIVE_INFINITY; // paused for good before the target was reached
}
