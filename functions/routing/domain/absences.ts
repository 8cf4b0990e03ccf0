/**
 * An expert's absences (holidays, conferences, a morning at the dentist): nothing new routes to them while
 * away, and their tickets that fall due meanwhile are flagged to coordinators.
 *
 * `from` and `until` are instants with their offset (2027-01-05T00:00:00+01:00), not bare dates: a bare date
 * would need a zone to say when it starts (the expert's? the centre's?) and a convention for whether `until` is
 * the last day off or the day back, and an absence may be part of a day. The web app turns the dates a person
 * picks into instants in that person's zone (from the first day's 00:00 to the day after the last).
 */
import { isIsoDate, type RuleViolation } from '../../core/weekly-hours.ts';
import type { Interval } from './calendar.ts';
import { mergedIntervals } from './intervals.ts';

export interface Absence {
  from: string;
  until: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoInstant(value: string): boolean {
  return INSTANT.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

const INSTANT_ADVICE = 'Use a date and time with its offset, such as 2027-01-05T00:00:00+01:00.';

/** Each absence two real instants, `until` after `from`, and none overlapping another (back-to-back is fine). */
export function absenceViolations(absences: readonly Absence[]): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const wellFormed = absences.map((absence, i) => {
    const fields = (['from', 'until'] as const).filter((field) => !isIsoInstant(absence[field]));
    for (const field of fields) problems.push({ path: [i, field], message: INSTANT_ADVICE });
    if (fields.length) return undefined;
    const span = { start: Date.parse(absence.from), end: Date.parse(absence.until) };
    if (span.end <= span.start) {
      problems.push({ path: [i, 'until'], message: 'Must be after from.' });
      return undefined;
    }
    return span;
  });
  wellFormed.forEach((span, i) => {
    if (span && wellFormed.slice(0, i).some((other) => other && other.start < span.end && span.start < other.end)) {
      problems.push({ path: [i], message: 'Overlaps another absence.' });
    }
  });
  return problems;
}

/** Absences as time-ordered intervals, back-to-back ones merged (away until the last ends); malformed ones skipped. */
export function absenceIntervals(absences: readonly Absence[]): Interval[] {
  return mergedIntervals(absences.map((a) => ({ start: Date.parse(a.from), end: Date.parse(a.until) })).filter((i) => !Number.isNaN(i.start + i.end)));
}

/** One of an expert's tickets with the due times of its running SLA clocks (first response if none yet, resolution). */
export interface TicketDue {
  ticketId: string;
  due: readonly string[];
}

export interface TicketAtRisk {
  ticketId: string;
  /** The earliest due time that falls in the absence. */
  due: string;
  absence: Absence;
}

/**
 * The tickets that fall due while their assignee is away: a running clock's due time within an absence that is
 * not over yet. Coordinators are told of these (and can reassign them at once); a ticket overdue before the
 * absence starts is not flagged here, since the breach was already reported when it happened.
 */
export function ticketsAtRisk(absences: readonly Absence[], tickets: readonly TicketDue[], now: Date): TicketAtRisk[] {
  const current = absences.filter((a) => Date.parse(a.until) > now.getTime());
  return tickets.flatMap((ticket) => {
    const dues = [...ticket.due].sort((a, b) => Date.parse(a) - Date.parse(b));
    for (const due of dues) {
      const absence = current.find((a) => Date.parse(a.from) <= Date.parse(due) && Date.parse(due) < Date.parse(a.until));
      if (absence) return [{ ticketId: ticket.ticketId, due, absence }];
    }
    return [];
  });
}
