/**
 * Opening hours in a zone's wall-clock time: the support centre's service calendar, or an expert's own support
 * hours. Pure: instants are epoch milliseconds, the zone's rules come from the runtime's Intl data.
 *
 * "Open" means the wall clock in the zone shows a time inside a window of a day that is not a holiday. So
 * windows keep their wall-clock times across DST changes (09:00-18:00 is 09:00-18:00 local on both sides), a
 * wall time that does not exist (02:30 on a spring-forward night) is simply never reached, so a window across the
 * skipped hour is an hour shorter that day, and a window across a repeated hour (fall back) is open through both
 * passes of it, an hour longer. `isOpenAt` and `openIntervals` agree instant by instant.
 */
import { weekdayIndexOf, windowsByWeekday, type MinuteWindow, type WeeklyWindow } from '../../core/weekly-hours.ts';
import { civilDateOf, civilDayPieces, offsetAt } from '../../core/zone.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Wall clocks run at most 14 hours ahead of UTC and 12 behind: a civil day's instants lie within this of it. */
const OFFSET_REACH = 15 * 60 * MINUTE;

/** An expert's support hours: weekly windows in their own zone (no holidays: absences say when they are off). */
export interface WeeklyHours {
  timeZone: string;
  weekly: WeeklyWindow[];
}

/** The support centre's calendar: its zone, weekly hours and the dates it is closed ('YYYY-MM-DD', local). */
export interface ServiceCalendar extends WeeklyHours {
  holidays: string[];
}

/** What `isOpenAt` and `openIntervals` read: weekly hours, with holidays when there are any. */
export type OpeningHours = WeeklyHours & { holidays?: readonly string[] };

/** Instants [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

const isoDateOf = (civilDay: number) => new Date(civilDay).toISOString().slice(0, 10);

function windowsOn(table: MinuteWindow[][], closed: ReadonlySet<string>, civilDay: number): MinuteWindow[] {
  return closed.has(isoDateOf(civilDay)) ? [] : table[weekdayIndexOf(civilDay)]!;
}

/** Whether the hours are open at an instant (the wall clock there shows a time inside a window, not on a holiday). */
export function isOpenAt(hours: OpeningHours, ms: number): boolean {
  const wall = ms + offsetAt(hours.timeZone, ms) * MINUTE;
  const civilDay = Math.floor(wall / DAY) * DAY;
  const minute = (wall - civilDay) / MINUTE;
  const windows = windowsOn(windowsByWeekday(hours.weekly), new Set(hours.holidays ?? []), civilDay);
  return windows.some((w) => w.startMin <= minute && minute < w.endMin);
}

/** A civil day's open intervals, in time order (pieces are in time order, windows earliest first). */
function openOnDay(timeZone: string, civilDay: number, windows: MinuteWindow[]): Interval[] {
  return civilDayPieces(timeZone, civilDay).flatMap((piece) => windows.flatMap((w) => {
    const start = Math.max(piece.start, civilDay + (w.startMin - piece.offsetMinutes) * MINUTE);
    const end = Math.min(piece.end, civilDay + (w.endMin - piece.offsetMinutes) * MINUTE);
    return start < end ? [{ start, end }] : [];
  }));
}

/**
 * The open intervals within [fromMs, toMs), in time order, touching ones merged (12:00-14:00 and 14:00-18:00
 * give 12:00-18:00). Lazy, so `toMs` may be left out to walk forward until the caller has counted enough; hours
 * with no weekly window yield nothing at all. Each day with windows costs two or three offset look-ups.
 */
export function* openIntervals(hours: OpeningHours, fromMs: number, toMs = Number.POSITIVE_INFINITY): Generator<Interval> {
  const table = windowsByWeekday(hours.weekly);
  if (table.every((windows) => windows.length === 0) || !(fromMs < toMs)) return;
  const closed = new Set(hours.holidays ?? []);
  let pending: Interval | undefined;
  // Start a day early: an instant's wall date is not always the date of its UTC midnight neighbour's.
  for (let civilDay = civilDateOf(hours.timeZone, fromMs) - DAY; civilDay - OFFSET_REACH < toMs; civilDay += DAY) {
    const windows = windowsOn(table, closed, civilDay);
    if (windows.length === 0) continue;
    for (const open of openOnDay(hours.timeZone, civilDay, windows)) {
      const start = Math.max(open.start, fromMs);
      const end = Math.min(open.end, toMs);
      if (start >= end) continue;
      if (pending && start <= pending.end) {
        pending.end = Math.max(pending.end, end);
        continue;
      }
      if (pending) yield pending;
      pending = { start, end };
    }
  }
  if (pending) yield pending;
}

/** The first open instant at or after `fromMs` and before `toMs`, if any. */
export function nextOpening(hours: OpeningHours, fromMs: number, toMs: number): number | undefined {
  for (const open of openIntervals(hours, fromMs, toMs)) return open.start;
  return undefined;
}
