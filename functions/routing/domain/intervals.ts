/** Instants [start, end) in epoch milliseconds, and cutting some out of others. */
import type { Interval } from './calendar.ts';

/** Sorted, with overlapping or touching intervals merged (empty ones dropped), so one pass can cut them out. */
export function mergedIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const interval of [...intervals].filter((i) => i.start < i.end).sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The parts of time-ordered intervals outside others (merged, as `mergedIntervals` gives them); lazy. */
export function* outside(intervals: Iterable<Interval>, pauses: readonly Interval[]): Generator<Interval> {
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
    if (start === Number.POSITIVE_INFINITY) return; // cut out for good: nothing more follows
  }
}

