/** Whether an expert can take a ticket now, will be able to soon, or is away. */
import { absenceIntervals, type Absence } from './absences.ts';
import { isOpenAt, openIntervals, type ServiceCalendar, type WeeklyHours } from './calendar.ts';
import { outside } from './intervals.ts';

/** How far ahead an off-duty expert's next support hours are looked for. */
export const DUTY_HORIZON_MS = 14 * 24 * 3_600_000;

export type Duty =
  | { state: 'on duty' }
  | { state: 'off duty'; nextAt: number }
  | { state: 'away'; until: number }
  /** Off duty with no support hours outside absences within DUTY_HORIZON_MS. */
  | { state: 'no hours soon' };

export interface OnCall {
  /** Absent: the expert follows the service calendar (its hours and holidays). */
  supportHours?: WeeklyHours;
  absences: readonly Absence[];
}

export function dutyOf(expert: OnCall, calendar: ServiceCalendar, nowMs: number): Duty {
  const absent = absenceIntervals(expert.absences);
  const away = absent.find((a) => a.start <= nowMs && nowMs < a.end);
  if (away) return { state: 'away', until: away.end };
  const hours = expert.supportHours ?? calendar;
  if (isOpenAt(hours, nowMs)) return { state: 'on duty' };
  for (const open of outside(openIntervals(hours, nowMs, nowMs + DUTY_HORIZON_MS), absent)) return { state: 'off duty', nextAt: open.start };
  return { state: 'no hours soon' };
}
