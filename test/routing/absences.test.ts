import { describe, expect, it } from 'vitest';
import { absenceViolations, isIsoInstant, ticketsAtRisk } from '../../functions/routing/domain/absences.ts';
import { dutyOf } from '../../functions/routing/domain/duty.ts';
import { DEFAULT_CALENDAR } from '../../functions/routing/domain/default-calendar.ts';
import { LOAD_WEIGHTS, loadOf } from '../../functions/routing/domain/load.ts';
import { routingSettingsViolations } from '../../functions/routing/domain/routing-settings.ts';
import { AbsencesBody } from '../../functions/routing/schemas.ts';

describe('absences: rules', () => {
  it('accepts instants with an offset, back to back', () => {
    expect(absenceViolations([
      { from: '2027-01-05T00:00:00+01:00', until: '2027-01-12T00:00:00+01:00' },
      { from: '2027-01-11T23:00:00Z', until: '2027-01-12T12:30Z' },
    ])).toEqual([]);
    expect(['2027-01-05T09:00:00.250+02:00', '2027-01-05T09:00Z'].every(isIsoInstant)).toBe(true);
    expect(['2027-01-05', '2027-01-05T09:00:00', '2027-02-30T09:00:00Z', '2027-01-05 09:00:00Z', 'next week'].some(isIsoInstant)).toBe(false);
  });

  it('names each broken rule by its path', () => {
    expect(absenceViolations([
      { from: '2027-01-05', until: '2027-01-12T00:00:00Z' },
      { from: '2027-02-01T00:00:00Z', until: '2027-01-31T00:00:00Z' },
      { from: '2027-03-01T00:00:00Z', until: '2027-03-10T00:00:00Z' },
      { from: '2027-03-09T00:00:00Z', until: '2027-03-12T00:00:00Z' },
      { from: '2027-04-01T00:00:00Z', until: '2027-04-01T00:00:00Z' },
    ])).toEqual([
      { path: [0, 'from'], message: 'Use a date and time with its offset, such as 2027-01-05T00:00:00+01:00.' },
      { path: [1, 'until'], message: 'Must be after from.' },
      { path: [4, 'until'], message: 'Must be after from.' },
      { path: [3], message: 'Overlaps another absence.' },
    ]);
  });
});

describe('absences: the note', () => {
  const withNote = (note: string) => AbsencesBody.safeParse({ absences: [{ from: '2027-01-05T00:00:00+01:00', until: '2027-01-09T00:00:00+01:00', note }] });
  it('is a line as people write it, with commas, brackets and apostrophes', () => {
    for (const note of ['Conference (Berlin), back Monday', 'Ana’s parental leave', 'Sick leave; ask Mikko!', 'Congé : formation à Paris']) expect(withNote(note).success, note).toBe(true);
  });
  it('is one line without control or text-direction characters', () => {
    for (const note of ['two\nlines', 'bell\u0007', 'evil\u202Etxt', '   ']) expect(withNote(note).success, JSON.stringify(note)).toBe(false);
  });
});

describe('absences: duty and tickets at risk', () => {
  const absences = [
    { from: '2027-01-05T00:00:00+01:00', until: '2027-01-08T00:00:00+01:00' },
    { from: '2027-01-08T00:00:00+01:00', until: '2027-01-12T00:00:00+01:00' },
  ];

  it('is away until the end of back-to-back absences, then back at the next opening', () => {
    expect(dutyOf({ absences }, DEFAULT_CALENDAR, Date.parse('2027-01-06T10:00:00Z'))).toEqual({ state: 'away', until: Date.parse('2027-01-11T23:00:00Z') });
    // Friday evening before the absence: next duty is after it, Tuesday 09:00 Brussels.
    expect(dutyOf({ absences }, DEFAULT_CALENDAR, Date.parse('2027-01-04T18:00:00Z'))).toEqual({ state: 'off duty', nextAt: Date.parse('2027-01-12T08:00:00Z') });
    expect(dutyOf({ absences }, DEFAULT_CALENDAR, Date.parse('2027-01-04T10:00:00Z'))).toEqual({ state: 'on duty' });
  });

  it('flags the tickets whose running clocks fall due during an absence not yet over', () => {
    const now = new Date('2027-01-04T10:00:00Z');
    expect(ticketsAtRisk(absences, [
      { ticketId: 'due-before', due: ['2027-01-04T15:00:00Z'] },
      { ticketId: 'due-during', due: ['2027-01-20T00:00:00Z', '2027-01-09T10:00:00Z'] },
      { ticketId: 'due-at-start', due: ['2027-01-04T23:00:00Z'] },
      { ticketId: 'due-on-return', due: ['2027-01-11T23:00:00Z'] },
      { ticketId: 'no-clock', due: [] },
    ], now)).toEqual([
      { ticketId: 'due-during', due: '2027-01-09T10:00:00Z', absence: absences[1] },
      { ticketId: 'due-at-start', due: '2027-01-04T23:00:00Z', absence: absences[0] },
    ]);
    expect(ticketsAtRisk(absences, [{ ticketId: 'late', due: ['2027-01-06T00:00:00Z'] }], new Date('2027-01-13T00:00:00Z'))).toEqual([]);
  });
});

describe('load', () => {
  it('weighs new and open tickets by priority; waiting, resolved and closed ones weigh nothing', () => {
    expect(LOAD_WEIGHTS).toEqual({ urgent: 4, high: 2, normal: 1, low: 0.5 });
    expect(loadOf([
      { priority: 'urgent', status: 'open' }, { priority: 'high', status: 'new' }, { priority: 'low', status: 'open' },
      { priority: 'urgent', status: 'waiting' }, { priority: 'high', status: 'resolved' }, { priority: 'normal', status: 'closed' },
    ])).toBe(6.5);
    expect(loadOf([])).toBe(0);
  });
});

describe('routing settings: rules', () => {
  it('wants known categories and experts, each listed once', () => {
    expect(routingSettingsViolations({ autoAssign: true, categories: { 'jobs-and-scheduling': ['ana', 'jan'], performance: 'anyone' } }, ['ana', 'jan'])).toEqual([]);
    expect(routingSettingsViolations({
      autoAssign: false,
      categories: { gpus: 'anyone', 'jobs-and-scheduling': ['ana', 'ghost', 'ana'], performance: [] },
    }, ['ana'])).toEqual([
      { path: ['categories', 'gpus'], message: 'Not a ticket category.' },
      { path: ['categories', 'jobs-and-scheduling', 1], message: 'No expert has this id.' },
      { path: ['categories', 'jobs-and-scheduling', 2], message: 'This expert is already on the list.' },
      { path: ['categories', 'performance'], message: 'List at least one expert, or choose "anyone".' },
    ]);
  });
});
