import { isIsoDate, overlappingWindows, timeWindowViolations, timeZoneViolations, weeklyWindowViolations, type RuleViolation } from '../../core/weekly-hours.ts';
import type { Availability, DateException } from './model.ts';

function exceptionRules(exceptions: DateException[]): RuleViolation[] {
  const problems: RuleViolation[] = [];
  exceptions.forEach((exception, i) => {
    if (!isIsoDate(exception.date)) problems.push({ path: ['exceptions', i, 'date'], message: 'Use a real date, YYYY-MM-DD.' });
    if ((exception.start === undefined) !== (exception.end === undefined)) {
      problems.push({ path: ['exceptions', i, exception.start === undefined ? 'start' : 'end'], message: 'Give both start and end, or neither for a day off.' });
    }
    problems.push(...timeWindowViolations(exception, ['exceptions', i]));
  });
  if (problems.length) return problems;
  exceptions.forEach((exception, i) => {
    const dayOffClash = exceptions.some((other, j) => j !== i && other.date === exception.date && (other.start === undefined) !== (exception.start === undefined));
    if (dayOffClash && exception.start !== undefined) problems.push({ path: ['exceptions', i], message: 'This date is also marked as a day off.' });
  });
  problems.push(...overlappingWindows(exceptions, (e) => e.date, (i) => ['exceptions', i]));
  return problems;
}

/** The rules a schema cannot state: a known IANA zone, ends after starts, no overlapping windows. */
export function availabilityViolations(availability: Pick<Availability, 'timeZone' | 'weekly' | 'exceptions'>): RuleViolation[] {
  return [...timeZoneViolations(availability.timeZone), ...weeklyWindowViolations(availability.weekly), ...exceptionRules(availability.exceptions)];
}
