import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenAt, nextOpening, openIntervals, type OpeningHours } from '../../functions/routing/domain/calendar.ts';
import { serviceCalendarViolations, supportHoursViolations } from '../../functions/routing/domain/calendar-rules.ts';
import { DEFAULT_CALENDAR, easterSunday, europeanHolidays } from '../../functions/routing/domain/default-calendar.ts';
import { DAY, HOUR, MINUTE, ZONES, holidaysNear, nearDstChange, referenceOpen, weeklyWindows } from './reference.ts';

const weekdays = (start: string, end: string) => (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));
const madrid: OpeningHours = { timeZone: 'Europe/Madrid', weekly: weekdays('09:00', '18:00') };
const iso = (ms: number) => new Date(ms).toISOString();
const intervalsOf = (hours: OpeningHours, from: string, to: string) => [...openIntervals(hours, Date.parse(from), Date.parse(to))].map((i) => [iso(i.start), iso(i.end)]);

describe('service calendar: open intervals', () => {
  it('keeps 09:00-18:00 local on both sides of a DST change', () => {
    // Madrid moves from UTC+1 to UTC+2 on Sunday 2026-03-29.
    expect(intervalsOf(madrid, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
      ['2026-03-27T08:00:00.000Z', '2026-03-27T17:00:00.000Z'],
      ['2026-03-30T07:00:00.000Z', '2026-03-30T16:00:00.000Z'],
    ]);
  });

  it('skips holidays and clips to the range asked for', () => {
    const hours = { ...madrid, holidays: ['2027-01-18'] };
    expect(intervalsOf(hours, '2027-01-15T16:30:00Z', '2027-01-19T10:00:00Z')).toEqual([
      ['2027-01-15T16:30:00.000Z', '2027-01-15T17:00:00.000Z'],
      ['2027-01-19T08:00:00.000Z', '2027-01-19T10:00:00.000Z'],
    ]);
  });

  it('merges touching windows', () => {
    const hours: OpeningHours = { timeZone: 'Europe/Helsinki', weekly: [{ day: 'mon', start: '14:00', end: '18:00' }, { day: 'mon', start: '09:00', end: '14:00' }] };
    expect(intervalsOf(hours, '2027-01-18T00:00:00Z', '2027-01-19T00:00:00Z')).toEqual([['2027-01-18T07:00:00.000Z', '2027-01-18T16:00:00.000Z']]);
  });

  it('never reaches a skipped wall time, and is open through both passes of a repeated hour', () => {
    const night: OpeningHours = { timeZone: 'Europe/Madrid', weekly: [{ day: 'sun', start: '01:30', end: '02:30' }] };
    // Spring: 02:00 becomes 03:00, so 01:30-02:00 CET only (00:30-01:00 UTC).
    expect(intervalsOf(night, '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z']]);
    // Autumn: 03:00 becomes 02:00, so 01:30-02:30 CEST, then 02:00-02:30 CET again.
    expect(intervalsOf(night, '2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      ['2026-10-24T23:30:00.000Z', '2026-10-25T00:30:00.000Z'],
      ['2026-10-25T01:00:00.000Z', '2026-10-25T01:30:00.000Z'],
    ]);
  });

  it('walks forward without an end, and yields nothing for hours with no window', () => {
    const walk = openIntervals(madrid, Date.parse('2027-01-16T00:00:00Z'));
    expect(iso(walk.next().value!.start)).toBe('2027-01-18T08:00:00.000Z');
    expect([...openIntervals({ timeZone: 'Europe/Madrid', weekly: [] }, 0)]).toEqual([]);
    expect(nextOpening(madrid, Date.parse('2027-01-15T20:00:00Z'), Date.parse('2027-01-16T00:00:00Z'))).toBeUndefined();
    expect(iso(nextOpening(madrid, Date.parse('2027-01-15T20:00:00Z'), Date.parse('2027-01-20T00:00:00Z'))!)).toBe('2027-01-18T08:00:00.000Z');
  });

  it('agrees minute by minute with the wall clock read by Intl, across DST changes, holidays and weekends', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), weeklyWindows, nearDstChange(2), fc.uniqueArray(fc.integer({ min: -2, max: 3 }), { maxLength: 2 }), (timeZone, weekly, from, picks) => {
      const hours: OpeningHours = { timeZone, weekly, holidays: holidaysNear(from, picks) };
      const to = from + 2 * DAY;
      const intervals = [...openIntervals(hours, from, to)];
      intervals.forEach((interval, i) => {
        expect(interval.start).toBeLessThan(interval.end);
        if (i > 0) expect(interval.start).toBeGreaterThan(intervals[i - 1]!.end);
      });
      let k = 0;
      for (let ms = from; ms < to; ms += MINUTE) {
        while (k < intervals.length && intervals[k]!.end <= ms) k++;
        const inInterval = k < intervals.length && intervals[k]!.start <= ms;
        const open = referenceOpen(hours, ms);
        if (inInterval !== open || isOpenAt(hours, ms) !== open) throw new Error(`${timeZone} ${iso(ms)}: reference ${open}, intervals ${inInterval}, isOpenAt ${isOpenAt(hours, ms)}`);
      }
    }), { numRuns: 25 });
  });
});

describe('service calendar: rules', () => {
  it('accepts the default calendar', () => {
    expect(serviceCalendarViolations(DEFAULT_CALENDAR)).toEqual([]);
  });

  it('names each broken rule by its path, in words', () => {
    expect(serviceCalendarViolations({
      timeZone: 'Europe/Atlantis',
      weekly: [{ day: 'mon', start: '9:00', end: '18:00' }, { day: 'tue', start: '18:00', end: '09:00' }, { day: 'wed', start: '09:00', end: '13:00' }, { day: 'wed', start: '12:00', end: '18:00' }],
      holidays: ['2026-12-25', '2027-02-29', 'Christmas', '2026-12-25'],
    })).toEqual([
      { path: ['timeZone'], message: 'Not an IANA time zone such as Europe/Madrid.' },
      { path: ['weekly', 0, 'start'], message: 'Use HH:MM (00:00 to 23:59).' },
      { path: ['weekly', 1, 'end'], message: 'Must be after start.' },
      { path: ['weekly', 3], message: 'Overlaps another window of the same day.' },
      { path: ['holidays', 1], message: 'Use a real date, YYYY-MM-DD.' },
      { path: ['holidays', 2], message: 'Use a real date, YYYY-MM-DD.' },
      { path: ['holidays', 3], message: '2026-12-25 is already in the list.' },
    ]);
  });

  it('wants at least one window, for the calendar and for support hours', () => {
    expect(serviceCalendarViolations({ timeZone: 'Europe/Madrid', weekly: [], holidays: [] })).toEqual([
      { path: ['weekly'], message: 'Give at least one weekly window: business-hours targets count only open time.' },
    ]);
    expect(supportHoursViolations({ timeZone: 'europe/helsinki', weekly: [] })).toEqual([
      { path: ['weekly'], message: 'Give at least one weekly window, or leave support hours out to follow the service calendar.' },
    ]);
    expect(supportHoursViolations({ timeZone: 'Asia/Kathmandu', weekly: [{ day: 'sat', start: '10:00', end: '10:30' }] })).toEqual([]);
  });
});

describe('default calendar', () => {
  it('computes Western Easter', () => {
    expect([2019, 2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual(['2019-04-21', '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('closes on the pan-European holidays of 2026 and 2027, Monday to Friday 09:00-18:00 Brussels time', () => {
    expect(europeanHolidays(2027)).toEqual(['2027-01-01', '2027-03-29', '2027-05-01', '2027-12-25', '2027-12-26']);
    expect(DEFAULT_CALENDAR.holidays).toEqual([...europeanHolidays(2026), ...europeanHolidays(2027)]);
    expect(DEFAULT_CALENDAR.holidays).toContain('2026-04-06');
    expect(isOpenAt(DEFAULT_CALENDAR, Date.parse('2026-04-06T10:00:00Z'))).toBe(false);
    expect(isOpenAt(DEFAULT_CALENDAR, Date.parse('2026-04-07T07:00:00Z'))).toBe(true);
    expect(isOpenAt(DEFAULT_CALENDAR, Date.parse('2026-04-07T16:00:00Z'))).toBe(false);
    expect(HOUR).toBe(60 * MINUTE);
  });
});
