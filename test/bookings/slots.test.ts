import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../functions/bookings/domain/model.ts';
import { WEEKDAYS } from '../../functions/bookings/domain/model.ts';
import { bookableRange, generateSlots, offeredSlotAt, offeredSlots } from '../../functions/bookings/domain/slots.ts';

const everyDay = (windows: Array<[string, string]>) => WEEKDAYS.flatMap((day) => windows.map(([start, end]) => ({ day, start, end })));
const twoWindows = (timeZone: string, slotMinutes: Availability['slotMinutes'] = 60): Availability => ({
  timeZone, slotMinutes, weekly: everyDay([['09:00', '12:00'], ['14:00', '17:00']]), exceptions: [], bufferMinutes: 0, noticeHours: 0, horizonDays: 365,
});
const startsOn = (availability: Availability, date: string) =>
  generateSlots(availability, Date.parse(`${date}T00:00:00Z`) - 12 * 3_600_000, Date.parse(`${date}T00:00:00Z`) + 36 * 3_600_000)
    .filter((slot) => slot.start.startsWith(date)).map((slot) => slot.start.slice(11, 16));

/** Local hours 09, 10, 11, 14, 15, 16 shifted by the zone's UTC offset that day (written out, not computed by luxon). */
const utcHours = (offsetHours: number) => [9, 10, 11, 14, 15, 16].map((h) => `${String(h - offsetHours).padStart(2, '0')}:00`);

describe('slot generation across daylight-saving changes (EU: 2026-03-29 and 2026-10-25)', () => {
  const helsinki = twoWindows('Europe/Helsinki');
  const lisbon = twoWindows('Europe/Lisbon');

  it.each([
    ['2026-03-28', 2], ['2026-03-29', 3], ['2026-03-30', 3],
    ['2026-10-24', 3], ['2026-10-25', 2], ['2026-10-26', 2],
  ])('Helsinki on %s: local 09-12 and 14-17 at UTC+%i', (date, offset) => {
    expect(startsOn(helsinki, date)).toEqual(utcHours(offset));
  });

  it.each([
    ['2026-03-28', 0], ['2026-03-29', 1], ['2026-03-30', 1],
    ['2026-10-24', 1], ['2026-10-25', 0], ['2026-10-26', 0],
  ])('Lisbon on %s: local 09-12 and 14-17 at UTC+%i', (date, offset) => {
    expect(startsOn(lisbon, date)).toEqual(utcHours(offset));
  });

  it('keeps slot lengths at 60 real minutes on the change days', () => {
    for (const slot of generateSlots(helsinki, Date.parse('2026-03-29T00:00:00Z'), Date.parse('2026-03-30T00:00:00Z'))) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(3_600_000);
    }
  });
});

describe('slot generation rules', () => {
  const madrid: Availability = {
    timeZone: 'Europe/Madrid', slotMinutes: 45, bufferMinutes: 15, noticeHours: 24, horizonDays: 10,
    weekly: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'tue', start: '10:00', end: '11:30' }],
    exceptions: [{ date: '2026-12-14' }, { date: '2026-12-15', start: '16:00', end: '17:00' }],
  };
  const range = (from: string, to: string) => generateSlots(madrid, Date.parse(from), Date.parse(to));

  it('spaces slots by length plus buffer and drops a slot that would overrun the window', () => {
    // Monday 2026-12-07, CET (UTC+1): 09:00, 10:00, 11:00 local; 11:00+45 min fits before 12:00.
    expect(range('2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z').map((s) => s.start)).toEqual([
      '2026-12-07T08:00:00.000Z', '2026-12-07T09:00:00.000Z', '2026-12-07T10:00:00.000Z',
    ]);
    // Tuesday 10:00-11:30: 10:00 fits, 11:00 + 45 min does not.
    expect(range('2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z').map((s) => s.start)).toEqual(['2026-12-08T09:00:00.000Z']);
  });

  it('honours a day off and other hours on a date', () => {
    expect(range('2026-12-14T00:00:00Z', '2026-12-15T00:00:00Z')).toEqual([]);
    expect(range('2026-12-15T00:00:00Z', '2026-12-16T00:00:00Z')).toEqual([{ start: '2026-12-15T15:00:00.000Z', end: '2026-12-15T15:45:00.000Z' }]);
  });

  it('applies the minimum notice and the horizon, and caps the range', () => {
    const now = new Date('2026-12-06T09:30:00Z');
    const capped = bookableRange(madrid, new Date('2026-12-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'), now);
    expect(capped).toEqual({ from: new Date('2026-12-07T09:30:00Z'), to: new Date('2026-12-16T09:30:00Z') });
    const offered = offeredSlots(madrid, { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2027-03-01T00:00:00Z'), now, taken: [] });
    expect(offered[0]!.start).toBe('2026-12-07T10:00:00.000Z');
    expect(offered.every((s) => s.start < '2026-12-16T09:30:00.000Z')).toBe(true);
    expect(offeredSlotAt(madrid, new Date('2026-12-07T09:00:00Z'), now)).toBeUndefined();
    expect(offeredSlotAt(madrid, new Date('2026-12-07T10:00:00Z'), now)).toEqual({ start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T10:45:00.000Z' });
    expect(offeredSlotAt(madrid, new Date('2026-12-07T10:05:00Z'), now)).toBeUndefined();
  });

  it('leaves out slots overlapping a booked interval', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const offered = offeredSlots(madrid, {
      from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-08T00:00:00Z'), now,
      taken: [{ start: '2026-12-07T09:30:00.000Z', end: '2026-12-07T10:30:00.000Z' }],
    });
    expect(offered.map((s) => s.start)).toEqual(['2026-12-07T08:00:00.000Z']);
  });
});

describe('slot generation against a plain luxon reference', () => {
  /**
   * Each window boundary resolved by luxon on its own: slow, obviously right, independent of the offset cache.
   * A repeated wall time is taken at its first occurrence, the earliest of luxon's `getPossibleOffsets()`:
   * plain `fromObject` guesses from the zone's offset at the present moment, so on its own it picks the first
   * or the second occurrence depending on the season the tests run in.
   */
  function reference(availability: Availability, fromMs: number, toMs: number): string[] {
    const starts: string[] = [];
    let day = DateTime.fromMillis(fromMs, { zone: availability.timeZone }).startOf('day').minus({ days: 1 });
    while (day.toMillis() < toMs + 86_400_000) {
      for (const window of availability.weekly.filter((w) => WEEKDAYS.indexOf(w.day) === day.weekday - 1)) {
        const at = (time: string) => Math.min(...DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3)) }, { zone: availability.timeZone })
          .getPossibleOffsets().map((possible) => possible.toMillis()));
        for (let start = at(window.start); start + availability.slotMinutes * 60_000 <= at(window.end); start += (availability.slotMinutes + availability.bufferMinutes) * 60_000) {
          if (start >= fromMs && start < toMs) starts.push(new Date(start).toISOString());
        }
      }
      day = day.plus({ days: 1 });
    }
    return [...new Set(starts)].sort();
  }

  const time = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const window = fc.tuple(fc.constantFrom(...WEEKDAYS), time, time).filter(([, a, b]) => a < b).map(([day, a, b]) => ({ day, start: a, end: b }));
  const availability = fc.record({
    timeZone: fc.constantFrom(
      'Europe/Helsinki', 'Europe/Lisbon', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham',
      'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'America/Havana', 'Africa/Casablanca', 'Antarctica/Troll', 'Europe/Dublin', 'Pacific/Auckland',
    ),
    slotMinutes: fc.constantFrom(30 as const, 45 as const, 60 as const, 90 as const),
    weekly: fc.array(window, { maxLength: 4 }).filter((ws) => ws.every((w, i) => ws.slice(0, i).every((o) => o.day !== w.day || o.end <= w.start || w.end <= o.start))),
    exceptions: fc.constant<Availability['exceptions']>([]),
    bufferMinutes: fc.constantFrom(0, 5, 15),
    noticeHours: fc.constant(0),
    horizonDays: fc.constant(365),
  });

  it('gives the same UTC slots for any zone, windows and 60-day range', () => {
    fc.assert(fc.property(availability, fc.integer({ min: 0, max: 700 }), (a, startDay) => {
      const fromMs = Date.parse('2026-01-01T00:00:00Z') + startDay * 86_400_000 + 3_600_000 * 5;
      const toMs = fromMs + 60 * 86_400_000;
      expect(generateSlots(a, fromMs, toMs).map((s) => s.start)).toEqual(reference(a, fromMs, toMs));
    }), {
      numRuns: 150,
      // Found by this property: a window starting in the hour repeated when DST ends (Chatham, 2026-04-05)
      // begins at its first occurrence, and Lisbon's repeated hour on 2026-10-25 likewise.
      examples: [
        [{ timeZone: 'Pacific/Chatham', slotMinutes: 30, weekly: [{ day: 'sun', start: '02:45', end: '03:45' }], exceptions: [], bufferMinutes: 0, noticeHours: 0, horizonDays: 365 }, 34],
        [{ timeZone: 'Europe/Lisbon', slotMinutes: 30, weekly: [{ day: 'sun', start: '01:00', end: '02:30' }], exceptions: [], bufferMinutes: 0, noticeHours: 0, horizonDays: 365 }, 270],
      ],
    });
  });

  // Windows in the small hours (where clocks change) on ranges that start within a week of a DST change,
  // northern (March, October/November) and southern (April, September/October) alike.
  const nightTime = fc.integer({ min: 0, max: 5 * 60 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const nightWindow = fc.tuple(fc.constantFrom(...WEEKDAYS), nightTime, nightTime).filter(([, a, b]) => a < b).map(([day, a, b]) => ({ day, start: a, end: b }));
  const transitionWeeks = ['2026-03-01', '2026-03-22', '2026-03-29', '2026-09-20', '2026-09-27', '2026-10-18', '2026-10-25', '2027-03-07', '2027-03-28', '2027-09-26', '2027-10-24']
    .map((date) => Date.parse(`${date}T00:00:00Z`));

  it('gives the same UTC slots for night windows on ranges around DST changes', () => {
    fc.assert(fc.property(
      availability, fc.array(nightWindow, { minLength: 1, maxLength: 3 }), fc.constantFrom(...transitionWeeks), fc.integer({ min: 0, max: 7 * 24 - 1 }),
      (a, windows, week, hour) => {
        const nightly = { ...a, weekly: windows.filter((w, i) => windows.slice(0, i).every((o) => o.day !== w.day || o.end <= w.start || w.end <= o.start)) };
        const fromMs = week + hour * 3_600_000;
        const toMs = fromMs + 14 * 86_400_000;
        expect(generateSlots(nightly, fromMs, toMs).map((s) => s.start)).toEqual(reference(nightly, fromMs, toMs));
      },
    ), { numRuns: 200 });
  });
});
