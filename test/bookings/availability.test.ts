import { describe, expect, it } from 'vitest';
import { availabilityViolations } from '../../functions/bookings/domain/availability.ts';
import { canonicalZone } from '../../functions/core/zone.ts';

const fields = (input: Parameters<typeof availabilityViolations>[0]) => availabilityViolations(input).map((v) => v.path.join('.'));

describe('availability rules', () => {
  it('accepts a valid week with touching windows and exceptions', () => {
    expect(fields({
      timeZone: 'Europe/Madrid',
      weekly: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'mon', start: '12:00', end: '13:00' }, { day: 'tue', start: '09:00', end: '12:00' }],
      exceptions: [{ date: '2027-01-06' }, { date: '2027-01-07', start: '10:00', end: '11:00' }, { date: '2027-01-07', start: '15:00', end: '16:00' }],
    })).toEqual([]);
  });

  it('names the unknown zone, the end before its start and the overlapping window', () => {
    expect(fields({ timeZone: 'Mars/Olympus', weekly: [], exceptions: [] })).toEqual(['timeZone']);
    expect(fields({ timeZone: 'UTC+2', weekly: [], exceptions: [] })).toEqual(['timeZone']);
    expect(fields({ timeZone: 'Europe/Rome', weekly: [{ day: 'wed', start: '12:00', end: '09:00' }], exceptions: [] })).toEqual(['weekly.0.end']);
    expect(fields({ timeZone: 'Europe/Rome', weekly: [{ day: 'wed', start: '09:00', end: '12:00' }, { day: 'wed', start: '11:00', end: '13:00' }], exceptions: [] })).toEqual(['weekly.1']);
  });

  it('checks exception dates, pairs of times, overlaps and days off with hours', () => {
    expect(fields({ timeZone: 'Europe/Rome', weekly: [], exceptions: [{ date: '2027-02-30' }] })).toEqual(['exceptions.0.date']);
    expect(fields({ timeZone: 'Europe/Rome', weekly: [], exceptions: [{ date: '2027-02-03', start: '10:00' }] })).toEqual(['exceptions.0.end']);
    expect(fields({ timeZone: 'Europe/Rome', weekly: [], exceptions: [{ date: '2027-02-03', start: '10:00', end: '12:00' }, { date: '2027-02-03', start: '11:00', end: '13:00' }] })).toEqual(['exceptions.1']);
    expect(fields({ timeZone: 'Europe/Rome', weekly: [], exceptions: [{ date: '2027-02-03' }, { date: '2027-02-03', start: '11:00', end: '13:00' }] })).toEqual(['exceptions.1']);
  });

  it('keeps the canonical spelling of a zone', () => {
    expect(canonicalZone('europe/helsinki')).toBe('Europe/Helsinki');
  });
});
