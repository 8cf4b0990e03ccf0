import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceCalendar } from '../../functions/routing/domain/calendar.ts';
import { instantAfterCounted, type SlaClock } from '../../functions/routing/domain/counted-time.ts';
import { DEFAULT_CALENDAR } from '../../functions/routing/domain/default-calendar.ts';
import { DEFAULT_POLICY, slaPolicyViolations, type SlaPolicy } from '../../functions/routing/domain/sla-policy.ts';
import type { TicketEvent, TicketStatus } from '../../functions/tickets/domain/model.ts';
import { CALENDAR_TIME_POLICY, computeSla } from '../../functions/tickets/domain/sla.ts';
import { DAY, HOUR, MINUTE, ZONES, holidaysNear, nearDstChange, referenceDue, referenceOpen, weeklyWindows } from './reference.ts';

const weekdays = (start: string, end: string) => (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));
const madrid: ServiceCalendar = { timeZone: 'Europe/Madrid', weekly: weekdays('09:00', '18:00'), holidays: [] };
const status = (at: string, to: TicketStatus): TicketEvent => ({ at, type: 'status', actorId: 'x', actorName: 'X', to });

/** Ten days of minutes: the references give up there, and the implementation must then be later still. */
const HORIZON_MINUTES = 10 * 24 * 60;

describe('SLA on business hours', () => {
  it('counts 8 business hours from Friday 17:00 to Monday 16:00 (issue 13)', () => {
    // Friday 2027-01-15 17:00 Europe/Madrid is 16:00 UTC; Monday 16:00 Madrid is 15:00 UTC.
    const sla = computeSla({ priority: 'high', createdAt: '2027-01-15T16:00:00Z', events: [] }, new Date('2027-01-15T16:05:00Z'), DEFAULT_POLICY, madrid);
    expect(DEFAULT_POLICY.high.firstResponse).toEqual({ hours: 8, clock: 'business' });
    expect(sla.firstResponseDue).toBe('2027-01-18T15:00:00.000Z');
    expect(sla.breached).toBe(false);
  });

  it('skips holidays and keeps wall-clock hours over a DST change', () => {
    // Thursday 2026-03-26 17:00 Brussels (16:00 UTC): 1 h that day, Friday 9 h, Monday (after the change) 1 h.
    const created = '2026-03-26T16:00:00Z';
    const policy: SlaPolicy = { ...DEFAULT_POLICY, normal: { firstResponse: { hours: 11, clock: 'business' }, resolution: { hours: 12, clock: 'business' } } };
    const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-03-27'] };
    const sla = computeSla({ priority: 'normal', createdAt: created, events: [] }, new Date(created), policy, calendar);
    // 1 h Thursday, Friday closed, Monday 09:00-18:00 CEST (07:00-16:00 UTC) 9 h, Tuesday 09:00 + 1 h.
    expect(sla.firstResponseDue).toBe('2026-03-31T08:00:00.000Z');
    expect(sla.resolutionDue).toBe('2026-03-31T09:00:00.000Z');
  });

  it('runs round the clock where the policy says so', () => {
    const sla = computeSla({ priority: 'urgent', createdAt: '2027-01-16T02:00:00Z', events: [] }, new Date('2027-01-16T03:00:00Z'), DEFAULT_POLICY, madrid);
    expect(sla.firstResponseDue).toBe('2027-01-16T06:00:00.000Z');
    expect(sla.resolutionDue).toBe('2027-01-18T02:00:00.000Z');
  });

  it('pauses only the business time spent waiting', () => {
    // Created Monday 10:00 Madrid; waiting Monday 12:00 to Tuesday 10:00 (7 business hours paused).
    const events = [status('2027-01-18T09:30:00Z', 'open'), status('2027-01-18T11:00:00Z', 'waiting'), status('2027-01-19T09:00:00Z', 'open')];
    const sla = computeSla({ priority: 'high', createdAt: '2027-01-18T09:00:00Z', firstResponseAt: '2027-01-18T09:30:00Z', events }, new Date('2027-01-19T09:30:00Z'), DEFAULT_POLICY, madrid);
    // Resolution 45 business hours: 2 h Monday, then from Tuesday 10:00 Madrid 43 h = 8 + 9 + 9 + 9 + 8 -> Monday 2027-01-25 17:00 Madrid.
    expect(sla.resolutionDue).toBe('2027-01-25T16:00:00.000Z');
    expect(sla.firstResponseBreached).toBe(false);
  });

  it('does not move a due time for a pause that came after it (the breach stays where it happened)', () => {
    const events = [status('2026-11-02T01:00:00Z', 'open'), status('2026-11-02T10:00:00Z', 'waiting'), status('2026-11-02T20:00:00Z', 'open')];
    const sla = computeSla({ priority: 'urgent', createdAt: '2026-11-02T00:00:00Z', events }, new Date('2026-11-03T00:00:00Z'));
    expect(sla.firstResponseDue).toBe('2026-11-02T04:00:00.000Z');
    expect(sla.firstResponseBreached).toBe(true);
  });

  it('counts until the target, less pauses, as a minute-by-minute count does (DST, holidays, weekends)', () => {
    const pause = fc.tuple(fc.integer({ min: 0, max: 4 * 24 * 60 }), fc.integer({ min: 1, max: 36 * 60 }));
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), weeklyWindows, nearDstChange(3), fc.uniqueArray(fc.integer({ min: -1, max: 6 }), { maxLength: 3 }),
      fc.constantFrom<SlaClock>('business', 'always'), fc.integer({ min: 1, max: 20 * 60 }), fc.array(pause, { maxLength: 3 }),
      (timeZone, weekly, from, picks, clock, targetMinutes, pauseSpecs) => {
        const calendar: ServiceCalendar = { timeZone, weekly, holidays: holidaysNear(from, picks) };
        const pauses = pauseSpecs.map(([at, length]) => ({ start: from + at * MINUTE, end: from + (at + length) * MINUTE }));
        const counts = clock === 'business' ? (ms: number) => referenceOpen(calendar, ms) : () => true;
        const paused = (ms: number) => pauses.some((p) => p.start <= ms && ms < p.end);
        const expected = referenceDue(from, targetMinutes, counts, paused, HORIZON_MINUTES);
        const due = instantAfterCounted(from, targetMinutes * MINUTE, clock, calendar, pauses);
        if (expected === undefined) expect(due).toBeGreaterThanOrEqual(from + HORIZON_MINUTES * MINUTE);
        else expect(new Date(due).toISOString()).toBe(new Date(expected).toISOString());
      },
    ), { numRuns: 40 });
  });

  it('computes due times and breaches from a ticket history as the minute-by-minute count does', () => {
    const hours = fc.record({ hours: fc.integer({ min: 1, max: 16 }), clock: fc.constantFrom<SlaClock>('business', 'always') });
    const change = fc.tuple(fc.integer({ min: 1, max: 3 * 24 * 60 }), fc.constantFrom<TicketStatus>('open', 'waiting', 'resolved', 'closed'));
    fc.assert(fc.property(
      fc.constantFrom(...ZONES), nearDstChange(2), hours, hours, fc.array(change, { maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 })), fc.integer({ min: 0, max: 4 * 24 * 60 }),
      (timeZone, created, firstResponse, resolution, changes, responseAfter, nowAfter) => {
        const calendar: ServiceCalendar = { timeZone, weekly: weekdays('09:00', '18:00'), holidays: holidaysNear(created, [1]) };
        const at = (minutes: number) => created + minutes * MINUTE;
        const sorted = [...changes].sort((a, b) => a[0] - b[0]);
        const events = sorted.map(([minutes, to]) => status(new Date(at(minutes)).toISOString(), to));
        const now = at(Math.max(nowAfter, sorted.at(-1)?.[0] ?? 0, responseAfter ?? 0));
        const policy: SlaPolicy = { ...DEFAULT_POLICY, normal: { firstResponse, resolution } };
        const input = { priority: 'normal' as const, createdAt: new Date(created).toISOString(), events, ...(responseAfter === null ? {} : { firstResponseAt: new Date(at(responseAfter)).toISOString() }) };
        const sla = computeSla(input, new Date(now), policy, calendar);

        // The reference: the status in force minute by minute, paused statuses stopping the clocks until judged.
        const statusAt = (ms: number) => sorted.filter(([minutes]) => at(minutes) <= ms).at(-1)?.[1] ?? 'new';
        const last = statusAt(now);
        const resolvedAt = last === 'resolved' || last === 'closed' ? at(sorted.at(-1)![0]) : undefined;
        const judgedResponse = responseAfter === null ? resolvedAt ?? now : at(responseAfter);
        const judgedResolution = resolvedAt ?? now;
        const due = (target: { hours: number; clock: SlaClock }, judged: number) => referenceDue(created, target.hours * 60,
          target.clock === 'business' ? (ms) => referenceOpen(calendar, ms) : () => true,
          (ms) => ms < judged && ['waiting', 'resolved', 'closed'].includes(statusAt(ms)), HORIZON_MINUTES);
        const responseDue = due(firstResponse, judgedResponse);
        const resolutionDue = due(resolution, judgedResolution);
        if (responseDue === undefined || resolutionDue === undefined) return; // beyond the reference's horizon
        expect(sla.firstResponseDue).toBe(new Date(responseDue).toISOString());
        expect(sla.resolutionDue).toBe(new Date(resolutionDue).toISOString());
        expect(sla.firstResponseBreached).toBe(judgedResponse > responseDue);
        expect(sla.resolutionBreached).toBe(judgedResolution > resolutionDue);
        expect(sla.paused).toBe(['waiting', 'resolved', 'closed'].includes(last));
      },
    ), { numRuns: 30 });
  });

  it('gives callers that name no policy DEFAULT_POLICY on DEFAULT_CALENDAR (business hours, Brussels)', () => {
    const input = { priority: 'low' as const, createdAt: '2027-01-15T16:00:00Z', events: [] };
    expect(computeSla(input, new Date('2027-01-16T00:00:00Z'))).toEqual(computeSla(input, new Date('2027-01-16T00:00:00Z'), DEFAULT_POLICY, DEFAULT_CALENDAR));
    // 45 business hours from Friday 17:00 Brussels: 1 h on Friday, 36 h Monday to Thursday, 8 h on Friday 22nd.
    expect(computeSla(input, new Date('2027-01-16T00:00:00Z')).firstResponseDue).toBe('2027-01-22T16:00:00.000Z');
    // The calendar-time targets stay available by name (5 days for a low ticket's first response).
    expect(computeSla(input, new Date('2027-01-16T00:00:00Z'), CALENDAR_TIME_POLICY).firstResponseDue).toBe(new Date(Date.parse(input.createdAt) + 5 * DAY).toISOString());
    expect(CALENDAR_TIME_POLICY.high.firstResponse).toEqual({ hours: 8, clock: 'always' });
    expect(HOUR).toBe(3_600_000);
  });
});

describe('SLA policy rules', () => {
  it('accepts the proposed default and the calendar-time policy', () => {
    expect(slaPolicyViolations(DEFAULT_POLICY)).toEqual([]);
    expect(slaPolicyViolations(CALENDAR_TIME_POLICY)).toEqual([]);
  });

  it('takes targets in whole minutes: 0.25 h is 15 minutes, 0.0001 h is no promise', () => {
    const high = (hours: number) => slaPolicyViolations({ ...DEFAULT_POLICY, high: { ...DEFAULT_POLICY.high, firstResponse: { hours, clock: 'business' } } });
    for (const hours of [0.25, 0.5, 1 / 60, 7.75, 1.1]) expect(high(hours), String(hours)).toEqual([]);
    for (const hours of [0.0001, 0.001, 1.0001]) expect(high(hours), String(hours)).toEqual([{ path: ['high', 'firstResponse', 'hours'], message: 'Use whole minutes: 0.5 for 30 minutes, 0.25 for 15.' }]);
  });

  it('names each broken rule by its path', () => {
    const { low: _low, ...withoutLow } = DEFAULT_POLICY;
    expect(slaPolicyViolations({
      ...withoutLow,
      urgent: { firstResponse: { hours: 0, clock: 'always' }, resolution: { hours: 2000, clock: 'sometimes' } },
      high: { firstResponse: { hours: 8, clock: 'business' } },
      normal: { firstResponse: { hours: 20, clock: 'business' }, resolution: { hours: 10, clock: 'business' } },
      critical: DEFAULT_POLICY.urgent,
    })).toEqual([
      { path: ['critical'], message: 'Not a priority: use low, normal, high, urgent.' },
      { path: ['low'], message: 'Required.' },
      { path: ['normal', 'resolution', 'hours'], message: 'Must be at least the first-response target.' },
      { path: ['high', 'resolution'], message: 'Required.' },
      { path: ['urgent', 'firstResponse', 'hours'], message: 'Must be a number of hours above 0.' },
      { path: ['urgent', 'resolution', 'hours'], message: 'Must be at most 1000 hours.' },
      { path: ['urgent', 'resolution', 'clock'], message: 'Must be "business" (service hours) or "always" (round the clock).' },
    ]);
  });

  it('does not compare targets on different clocks', () => {
    expect(slaPolicyViolations({ ...DEFAULT_POLICY, high: { firstResponse: { hours: 30, clock: 'business' }, resolution: { hours: 24, clock: 'always' } } })).toEqual([]);
    expect(slaPolicyViolations({ ...DEFAULT_POLICY, high: { firstResponse: { hours: 'eight', clock: 'business' }, resolution: { hours: 24, clock: 'always' } } })).toEqual([
      { path: ['high', 'firstResponse', 'hours'], message: 'Must be a number of hours above 0.' },
    ]);
  });
});
