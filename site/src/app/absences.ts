// Absences are picked as whole days in a person's zone and sent as instants (functions/routing/README.md):
// from the first day's 00:00 to the day after the last day's 00:00, with the zone's offset written out so the
// stored value still reads as the person meant it ("2027-01-05T00:00:00+01:00").
import { instantOfWallClock, offsetAt } from '../../../functions/core/zone.ts';
import { addDays, dayKey } from './format.ts';

export interface Absence {
  from: string;
  until: string;
  note?: string;
}

/** An instant as ISO 8601 with the zone's offset at that instant. */
export function isoInZone(ms: number, timeZone: string): string {
  const offset = offsetAt(timeZone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offset));
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first moment of a YYYY-MM-DD day in a zone (a day that starts in a DST gap starts when the gap ends). */
export function startOfDay(day: string, timeZone: string): number {
  return instantOfWallClock(timeZone, Date.parse(`${day}T00:00:00Z`));
}

/** Days off `first`..`last` (inclusive, dates in `timeZone`) as the absence the API stores. */
export function absenceOfDays(first: string, last: string, timeZone: string, note?: string): Absence {
  return {
    from: isoInZone(startOfDay(first, timeZone), timeZone),
    until: isoInZone(startOfDay(addDays(last, 1), timeZone), timeZone),
    ...(note?.trim() ? { note: note.trim() } : {}),
  };
}

/** The days an absence covers in a zone, for showing it back as picked: the last day is the one before `until`. */
export function daysOfAbsence(absence: Pick<Absence, 'from' | 'until'>, timeZone: string): { first: string; last: string } {
  return { first: dayKey(absence.from, timeZone), last: dayKey(new Date(Date.parse(absence.until) - 1).toISOString(), timeZone) };
}

/** Whether an absence is still to come or under way (a past one is history, not a plan). */
export const isCurrentOrFuture = (absence: Pick<Absence, 'until'>, now = Date.now()): boolean => Date.parse(absence.until) > now;

/** Only what the API takes back: a stored absence may carry more than it was given. */
export const absenceBody = ({ from, until, note }: Absence): Absence => ({ from, until, ...(note ? { note } : {}) });
