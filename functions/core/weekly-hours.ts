/**
 * Weekly opening hours stated in wall-clock time ("mon 09:00-18:00" in some IANA zone), and the rules a schema
 * cannot state about them. Shared by an expert's mentoring availability (bookings), the support centre's
 * service calendar and an expert's support hours (routing).
 */
import { isValidTimeZone } from './zone.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" wall-clock times in the zone of whatever holds the window. */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

/** A broken rule, located the way zod locates an issue so it can be reported as one (`weekly.2.end`). */
export interface RuleViolation {
  path: Array<string | number>;
  message: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** "YYYY-MM-DD" naming a day that exists (no 2027-02-29). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Index into WEEKDAYS (0 = Monday) of a civil date given as its UTC midnight. */
export function weekdayIndexOf(civilDay: number): number {
  return (new Date(civilDay).getUTCDay() + 6) % 7;
}

/** A window as minutes of the day, [startMin, endMin). */
export interface MinuteWindow { startMin: number; endMin: number }

/** Each weekday's windows (0 = Monday) in minutes, earliest first. */
export function windowsByWeekday(weekly: readonly WeeklyWindow[]): MinuteWindow[][] {
  const table: MinuteWindow[][] = WEEKDAYS.map(() => []);
  for (const w of weekly) table[WEEKDAYS.indexOf(w.day)]!.push({ startMin: minutesOfDay(w.start), endMin: minutesOfDay(w.end) });
  for (const windows of table) windows.sort((a, b) => a.startMin - b.startMin);
  return table;
}

export function timeZoneViolations(timeZone: string, at: Array<string | number> = ['timeZone']): RuleViolation[] {
  return isValidTimeZone(timeZone) ? [] : [{ path: at, message: 'Not an IANA time zone such as Europe/Madrid.' }];
}

/** Well-formed HH:MM times, and the end after the start (a window never crosses midnight). */
export function timeWindowViolations(window: { start?: string; end?: string }, at: Array<string | number>): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (window.start !== undefined && !HH_MM.test(window.start)) problems.push({ path: [...at, 'start'], message: 'Use HH:MM (00:00 to 23:59).' });
  if (window.end !== undefined && !HH_MM.test(window.end)) problems.push({ path: [...at, 'end'], message: 'Use HH:MM (00:00 to 23:59).' });
  if (problems.length === 0 && window.start !== undefined && window.end !== undefined && minutesOfDay(window.end) <= minutesOfDay(window.start)) {
    problems.push({ path: [...at, 'end'], message: 'Must be after start.' });
  }
  return problems;
}

/** Flags each window that overlaps an earlier one of the same group (touching windows are fine). */
export function overlappingWindows<T extends { start?: string; end?: string }>(entries: T[], groupOf: (entry: T) => string, pathOf: (i: number) => Array<string | number>): RuleViolation[] {
  const problems: RuleViolation[] = [];
  entries.forEach((entry, i) => {
    if (entry.start === undefined || entry.end === undefined) return;
    const clash = entries.slice(0, i).some((other) => other.start !== undefined && other.end !== undefined
      && groupOf(other) === groupOf(entry)
      && minutesOfDay(entry.start!) < minutesOfDay(other.end) && minutesOfDay(other.start) < minutesOfDay(entry.end!));
    if (clash) problems.push({ path: pathOf(i), message: 'Overlaps another window of the same day.' });
  });
  return problems;
}

/** Each window well formed, and no two windows of one day overlapping. */
export function weeklyWindowViolations(weekly: WeeklyWindow[], at: Array<string | number> = ['weekly']): RuleViolation[] {
  const timeProblems = weekly.flatMap((window, i) => timeWindowViolations(window, [...at, i]));
  // Overlaps are judged among the well-formed windows only (a malformed one is reported above).
  const wellFormed: Array<{ day: string; start?: string; end?: string }> = weekly.map((window, i) => (timeWindowViolations(window, [...at, i]).length ? { day: window.day } : window));
  return [...timeProblems, ...overlappingWindows(wellFormed, (w) => w.day, (i) => [...at, i])];
}
