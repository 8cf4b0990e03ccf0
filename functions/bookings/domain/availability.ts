import type { Availability, DateException, WeeklyWindow } from './model.ts';
import { isValidTimeZone } from '../../core/zone.ts';

export interface RuleViolation {
  path: Array<string | number>;
  message: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function timesOf(window: { start?: string; end?: string }, at: Array<string | number>): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (window.start !== undefined && !HH_MM.test(window.start)) problems.push({ path: [...at, 'start'], message: 'Use HH:MM (00:00 to 23:59).' });
  if (window.end !== undefined && !HH_MM.test(window.end)) problems.push({ path: [...at, 'end'], message: 'Use HH:MM (00:00 to 23:59).' });
  if (problems.length === 0 && window.start !== undefined && window.end !== undefined && minutesOfDay(window.end) <= minutesOfDay(window.start)) {
    problems.push({ path: [...at, 'end'], message: 'Must be after start.' });
  }
  return problems;
}

/** Flags each window that overlaps an earlier one of the same group (touching windows are fine). */
function overlaps<T extends { start?: string; end?: string }>(entries: T[], groupOf: (entry: T) => string, pathOf: (i: number) => Array<string | number>): RuleViolation[] {
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

function weeklyRules(weekly: WeeklyWindow[]): RuleViolation[] {
  const timeProblems = weekly.flatMap((window, i) => timesOf(window, ['weekly', i]));
  // Overlaps are judged among the well-formed windows only (a malformed one is reported above).
  const wellFormed: Array<{ day: string; start?: string; end?: string }> = weekly.map((window, i) => (timesOf(window, ['weekly', i]).length ? { day: window.day } : window));
  return [...timeProblems, ...overlaps(wellFormed, (w) => w.day, (i) => ['weekly', i])];
}

function exceptionRules(exceptions: DateException[]): RuleViolation[] {
  const problems: RuleViolation[] = [];
  exceptions.forEach((exception, i) => {
    if (!isIsoDate(exception.date)) problems.push({ path: ['exceptions', i, 'date'], message: 'Use a real date, YYYY-MM-DD.' });
    if ((exception.start === undefined) !== (exception.end === undefined)) {
      problems.push({ path: ['exceptions', i, exception.start === undefined ? 'start' : 'end'], message: 'Give both start and end, or neither for a day off.' });
    }
    problems.push(...timesOf(exception, ['exceptions', i]));
  });
  if (problems.length) return problems;
  exceptions.forEach((exception, i) => {
    const dayOffClash = exceptions.some((other, j) => j !== i && other.date === exception.date && (other.start === undefined) !== (exception.start === undefined));
    if (dayOffClash && exception.start !== undefined) problems.push({ path: ['exceptions', i], message: 'This date is also marked as a day off.' });
  });
  problems.push(...overlaps(exceptions, (e) => e.date, (i) => ['exceptions', i]));
  return problems;
}

/** The rules a schema cannot state: a known IANA zone, ends after starts, no overlapping windows. */
export function availabilityViolations(availability: Pick<Availability, 'timeZone' | 'weekly' | 'exceptions'>): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (!isValidTimeZone(availability.timeZone)) {
    problems.push({ path: ['timeZone'], message: 'Not an IANA time zone such as Europe/Madrid.' });
  }
  return [...problems, ...weeklyRules(availability.weekly), ...exceptionRules(availability.exceptions)];
}

/** The zone's canonical spelling ("europe/madrid" is valid, "Europe/Madrid" is what we keep). */
export function canonicalZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}
