/**
 * Brute-force references for the routing domain's clocks: the wall clock read minute by minute with
 * Intl.DateTimeFormat#formatToParts (not the offset arithmetic of functions/core/zone.ts), and targets reached
 * by counting minutes one at a time. Slow on purpose: obviously right is the point.
 */
import fc from 'fast-check';
import type { OpeningHours } from '../../functions/routing/domain/calendar.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date ('YYYY-MM-DD'), weekday and minute of the day the zone's clocks show at an instant. */
export function wallClockAt(timeZone: string, ms: number): { date: string; weekday: string; minute: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday!.slice(0, 3).toLowerCase(), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

export function referenceOpen(hours: OpeningHours, ms: number): boolean {
  const wall = wallClockAt(hours.timeZone, ms);
  if (hours.holidays?.includes(wall.date)) return false;
  return hours.weekly.some((w) => w.day === wall.weekday && minutesOf(w.start) <= wall.minute && wall.minute < minutesOf(w.end));
}

/**
 * The end of the minute in which the count of open (or all), unpaused minutes from `fromMs` reaches
 * `targetMinutes`, or undefined if not within `horizonMinutes`. Every boundary is on a whole minute.
 */
export function referenceDue(fromMs: number, targetMinutes: number, counts: (ms: number) => boolean, paused: (ms: number) => boolean, horizonMinutes: number): number | undefined {
  let counted = 0;
  for (let i = 0; i < horizonMinutes; i++) {
    const ms = fromMs + i * MINUTE;
    if (counts(ms) && !paused(ms)) counted++;
    if (counted === targetMinutes) return ms + MINUTE;
  }
  return undefined;
}

/** The 2026-2027 DST changes of the zones under test (last Sundays of March and October, 01:00 UTC). */
export const DST_CHANGES = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z'].map(Date.parse);
export const ZONES = ['Europe/Madrid', 'Europe/Helsinki'] as const;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Times of day, often right at or inside the hours DST moves (01:00-05:00), so windows straddle them. */
const timeOfDay = fc.oneof(
  fc.integer({ min: 60, max: 5 * 60 }),
  fc.integer({ min: 0, max: 23 * 60 + 59 }),
  fc.constantFrom(0, 120, 150, 180, 210, 240, 9 * 60, 18 * 60, 23 * 60 + 59),
);

/** Up to two non-overlapping windows on each of some weekdays. */
export const weeklyWindows = fc.array(
  fc.tuple(fc.constantFrom(...WEEKDAYS), fc.uniqueArray(timeOfDay, { minLength: 2, maxLength: 4 })),
  { minLength: 1, maxLength: 7 },
).map((days) => {
  const seen = new Set<string>();
  return days.flatMap(([day, times]) => {
    if (seen.has(day)) return [];
    seen.add(day);
    const sorted = [...times].sort((a, b) => a - b);
    const windows = [{ start: sorted[0]!, end: sorted[1]! }];
    if (sorted.length === 4) windows.push({ start: sorted[2]!, end: sorted[3]! });
    return windows.map((w) => ({ day: day as 'mon', start: hhmm(w.start), end: hhmm(w.end) }));
  });
});

/** A whole-minute instant within `days` of one of the DST changes. */
export const nearDstChange = (days: number) => fc.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -days * 24 * 60, max: days * 24 * 60 }))
  .map(([change, minutes]) => change + minutes * MINUTE);

/** Holidays: some of the dates within a week either side of an instant. */
export const holidaysNear = (ms: number, picks: number[]) => picks.map((d) => new Date(ms + d * DAY).toISOString().slice(0, 10));
