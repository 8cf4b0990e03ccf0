/**
 * The calendar the support centre starts with; coordinators edit it (`PUT /api/settings/service-hours`).
 *
 * Zone: Europe/Brussels, the seat of the EU institutions, on Central European Time like most member states
 * (17 of 27), so the hours are those of most of the people it serves. Hours: Monday to Friday 09:00-18:00.
 *
 * Holidays: the days both the EU institutions close and a large majority of member states keep as public
 * holidays, so a pan-European team closes when most of its requesters are closed too: New Year's Day, Easter
 * Monday (Western Easter), Labour Day (1 May), Christmas Day and St Stephen's Day (25-26 December). Left out on
 * purpose: Good Friday (a public holiday in about half the member states, not in France, Italy, Poland or
 * Belgium), Ascension and Whit Monday (about a third), Assumption and All Saints (a southern and central
 * majority only) and Europe Day, 9 May (a public holiday in Luxembourg alone); coordinators add whatever their
 * team observes. Holidays on a weekend are not moved to a weekday: no closing day is lost that the weekly hours
 * did not already close.
 */
import type { ServiceCalendar } from './calendar.ts';

const DAY = 86_400_000;

/** Western (Gregorian) Easter Sunday as 'YYYY-MM-DD': the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** The closing days of one year, in date order (see the comment at the top for why these). */
export function europeanHolidays(year: number): string[] {
  return [`${year}-01-01`, dayAfter(easterSunday(year)), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`].sort();
}

export const DEFAULT_CALENDAR: ServiceCalendar = {
  timeZone: 'Europe/Brussels',
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: [...europeanHolidays(2026), ...europeanHolidays(2027)],
};
