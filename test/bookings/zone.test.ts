import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { civilDateOf, instantOfWallClock, isValidTimeZone, offsetAt } from '../../functions/core/zone.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
/** A wall-clock time read as if it were UTC, the form `instantOfWallClock` takes. */
const wall = (local: string) => Date.parse(`${local}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('offsetAt', () => {
  it.each([
    ['Europe/Madrid', '2026-01-15T12:00:00Z', 60], ['Europe/Madrid', '2026-07-15T12:00:00Z', 120],
    ['Pacific/Chatham', '2026-07-15T12:00:00Z', 765], ['Pacific/Chatham', '2026-01-15T12:00:00Z', 825],
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 345], ['Asia/Kolkata', '2026-07-15T12:00:00Z', 330],
    ['Australia/Lord_Howe', '2026-07-15T12:00:00Z', 630], ['Australia/Lord_Howe', '2026-01-15T12:00:00Z', 660],
    ['America/St_Johns', '2026-01-15T12:00:00Z', -210], ['America/St_Johns', '2026-07-15T12:00:00Z', -150],
    ['Antarctica/Troll', '2026-01-15T12:00:00Z', 0], ['Antarctica/Troll', '2026-04-15T12:00:00Z', 120],
    ['UTC', '2026-07-15T12:00:00Z', 0], ['Pacific/Kiritimati', '2026-07-15T12:00:00Z', 840], ['Pacific/Pago_Pago', '2026-07-15T12:00:00Z', -660],
    // Offsets between -01:00 and 00:00 keep their sign (@date-fns/tz's tzOffset 1.5 makes them positive).
    ['Africa/Monrovia', '1960-01-01T00:00:00Z', -44.5], ['Europe/Lisbon', '1900-01-01T00:00:00Z', -36.75],
    ['Europe/Dublin', '1900-01-01T00:00:00Z', -25.35],
  ])('%s at %s is %d minutes', (zone, instant, minutes) => {
    expect(offsetAt(zone, at(instant))).toBeCloseTo(minutes, 10);
  });

  it('switches at the transition instant (Helsinki, 2026-03-29 01:00 UTC)', () => {
    expect(offsetAt('Europe/Helsinki', at('2026-03-29T00:59:59.999Z'))).toBe(120);
    expect(offsetAt('Europe/Helsinki', at('2026-03-29T01:00:00Z'))).toBe(180);
  });

  it('accepts a lower-case zone name and rejects an unknown one', () => {
    expect(offsetAt('europe/helsinki', at('2026-07-01T00:00:00Z'))).toBe(180);
    expect(() => offsetAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });

  it("equals luxon's offset for every zone Intl lists, 1850 to 2040", () => {
    let compared = 0;
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const zone = IANAZone.create(name);
      for (let t = at('1850-01-01T00:00:00Z'); t < at('2040-01-01T00:00:00Z'); t += 173 * DAY + 7 * HOUR + 13 * MINUTE) {
        const ours = offsetAt(name, t);
        if (ours !== zone.offset(t)) expect({ name, at: iso(t), ours }).toEqual({ name, at: iso(t), ours: zone.offset(t) });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });
});

describe('instantOfWallClock', () => {
  it('maps an ordinary wall time with the offset of the day', () => {
    expect(iso(instantOfWallClock('Europe/Madrid', wall('2026-12-07T09:00')))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(instantOfWallClock('Asia/Kathmandu', wall('2026-06-01T09:00')))).toBe('2026-06-01T03:15:00.000Z');
    expect(iso(instantOfWallClock('Pacific/Chatham', wall('2026-06-01T09:00')))).toBe('2026-05-31T20:15:00.000Z');
  });

  it('moves a wall time in a DST gap forward by the gap (the offset before it applies)', () => {
    // Helsinki skips 03:00-04:00 on 2026-03-29: 03:30 is read with +02:00, i.e. 04:30 summer time.
    expect(iso(instantOfWallClock('Europe/Helsinki', wall('2026-03-29T03:30')))).toBe('2026-03-29T01:30:00.000Z');
    // Lord Howe skips 02:00-02:30 on 2026-10-04 (+10:30 to +11:00).
    expect(iso(instantOfWallClock('Australia/Lord_Howe', wall('2026-10-04T02:15')))).toBe('2026-10-03T15:45:00.000Z');
    // Chatham skips 02:45-03:45 on 2026-09-27 (+12:45 to +13:45).
    expect(iso(instantOfWallClock('Pacific/Chatham', wall('2026-09-27T03:00')))).toBe('2026-09-26T14:15:00.000Z');
    // Havana skips 00:00-01:00 on 2026-03-08: the start of the day itself does not exist.
    expect(iso(instantOfWallClock('America/Havana', wall('2026-03-08T00:00')))).toBe('2026-03-08T05:00:00.000Z');
  });

  it('takes the first occurrence of a repeated wall time, whatever the season now', () => {
    // Helsinki repeats 03:00-04:00 on 2026-10-25: first at +03:00.
    expect(iso(instantOfWallClock('Europe/Helsinki', wall('2026-10-25T03:30')))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(instantOfWallClock('Europe/Lisbon', wall('2026-10-25T01:00')))).toBe('2026-10-25T00:00:00.000Z');
    // Lord Howe repeats 01:30-02:00 on 2026-04-05: first at +11:00.
    expect(iso(instantOfWallClock('Australia/Lord_Howe', wall('2026-04-05T01:45')))).toBe('2026-04-04T14:45:00.000Z');
    // Chatham repeats 02:45-03:45 on 2026-04-05: first at +13:45.
    expect(iso(instantOfWallClock('Pacific/Chatham', wall('2026-04-05T02:45')))).toBe('2026-04-04T13:00:00.000Z');
    // The wall time just after the repeated hour is unambiguous again.
    expect(iso(instantOfWallClock('Europe/Helsinki', wall('2026-10-25T04:00')))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('accepts a lower-case zone name', () => {
    expect(instantOfWallClock('europe/helsinki', wall('2026-10-25T03:30'))).toBe(instantOfWallClock('Europe/Helsinki', wall('2026-10-25T03:30')));
  });

  it('rejects an unknown zone', () => {
    expect(() => instantOfWallClock('Europe/Atlantis', wall('2026-01-01T00:00'))).toThrow(RangeError);
  });

  const zones = [
    'Europe/Helsinki', 'Europe/Lisbon', 'Europe/Dublin', 'America/New_York', 'America/St_Johns', 'America/Havana', 'America/Santiago',
    'America/Godthab', 'Africa/Casablanca', 'Africa/Cairo', 'Asia/Gaza', 'Asia/Beirut', 'Antarctica/Troll',
    'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Chatham',
  ];

  it.each(zones)("agrees with luxon every 5 minutes of the days around each 2026-2027 transition in %s", (zone) => {
    const from = at('2026-01-01T00:00:00Z');
    const to = at('2028-01-01T00:00:00Z');
    const days = new Set<number>();
    for (let t = from; t < to; t += HOUR) {
      if (offsetAt(zone, t) !== offsetAt(zone, t + HOUR)) for (const d of [-1, 0, 1]) days.add(civilDateOf(zone, t) + d * DAY);
    }
    expect(days.size).toBeGreaterThan(0);
    for (const day of days) {
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const local = DateTime.fromMillis(day + minute * MINUTE, { zone: 'UTC' });
        const possible = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute }, { zone })
          .getPossibleOffsets().map((dt) => dt.toMillis());
        const expected = Math.min(...possible);
        const actual = instantOfWallClock(zone, day + minute * MINUTE);
        if (actual !== expected) expect({ zone, wall: local.toISO(), actual: iso(actual) }).toEqual({ zone, wall: local.toISO(), actual: iso(expected) });
      }
    }
  });
});

describe('civilDateOf', () => {
  it('gives the date in the zone as a UTC midnight', () => {
    expect(iso(civilDateOf('Pacific/Kiritimati', at('2026-07-01T10:00:00Z')))).toBe('2026-07-02T00:00:00.000Z');
    expect(iso(civilDateOf('Pacific/Pago_Pago', at('2026-07-01T10:00:00Z')))).toBe('2026-06-30T00:00:00.000Z');
    expect(iso(civilDateOf('Pacific/Chatham', at('2026-07-01T11:14:59Z')))).toBe('2026-07-01T00:00:00.000Z');
    expect(iso(civilDateOf('Pacific/Chatham', at('2026-07-01T11:15:00Z')))).toBe('2026-07-02T00:00:00.000Z');
    expect(iso(civilDateOf('America/St_Johns', at('2026-01-01T03:29:00Z')))).toBe('2025-12-31T00:00:00.000Z');
  });

  it('agrees with luxon for many instants and zones', () => {
    for (const zone of ['Europe/Helsinki', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Africa/Monrovia', 'Pacific/Apia']) {
      for (let t = at('1950-01-01T00:00:00Z'); t < at('2040-01-01T00:00:00Z'); t += 37 * DAY + 5 * HOUR + 7 * MINUTE) {
        const local = DateTime.fromMillis(t, { zone });
        expect(civilDateOf(zone, t)).toBe(Date.UTC(local.year, local.month - 1, local.day));
      }
    }
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Madrid', true], ['europe/madrid', true], ['UTC', true], ['Etc/GMT+5', true], ['Asia/Calcutta', true],
    ['Mars/Olympus_Mons', false], ['Europe/Madird', false], ['', false], ['Europe/', false],
  ])('%s: %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
    expect(isValidTimeZone(zone)).toBe(IANAZone.isValidZone(zone));
  });
});
