/**
 * The rules a schema cannot state about the service calendar and an expert's support hours, as violations
 * located like zod issues so the API reports them per field (`weekly.1.end`, `holidays.3`).
 */
import { isIsoDate, timeZoneViolations, weeklyWindowViolations, type RuleViolation } from '../../core/weekly-hours.ts';
import type { ServiceCalendar, WeeklyHours } from './calendar.ts';

/** Hours with no window are never open: nothing would route to them and business clocks would never run. */
function someWindow(hours: WeeklyHours, advice: string): RuleViolation[] {
  return hours.weekly.length ? [] : [{ path: ['weekly'], message: `Give at least one weekly window${advice}.` }];
}

/** A known zone, well-formed and non-overlapping windows, at least one of them. */
export function supportHoursViolations(hours: WeeklyHours): RuleViolation[] {
  return [
    ...timeZoneViolations(hours.timeZone),
    ...someWindow(hours, ', or leave support hours out to follow the service calendar'),
    ...weeklyWindowViolations(hours.weekly),
  ];
}

function holidayViolations(holidays: readonly string[]): RuleViolation[] {
  return holidays.flatMap((date, i): RuleViolation[] => {
    if (!isIsoDate(date)) return [{ path: ['holidays', i], message: 'Use a real date, YYYY-MM-DD.' }];
    if (holidays.indexOf(date) < i) return [{ path: ['holidays', i], message: `${date} is already in the list.` }];
    return [];
  });
}

/** As for support hours, and each holiday a real date listed once. */
export function serviceCalendarViolations(calendar: ServiceCalendar): RuleViolation[] {
  return [
    ...timeZoneViolations(calendar.timeZone),
    ...someWindow(calendar, ': business-hours targets count only open time'),
    ...weeklyWindowViolations(calendar.weekly),
    ...holidayViolations(calendar.holidays),
  ];
}
