// Issue 13's pure helpers in the web app: absence days to instants in a zone (DST and a midnight gap), the
// ticket filters to and from the URL, and moving an item of an ordered list.
import { describe, expect, it } from 'vitest';
import { absenceOfDays, daysOfAbsence, isoInZone, startOfDay } from '../../site/src/app/absences.ts';
import { activeFilterCount, apiQueryOf, defaultOrder, filtersOfQuery, OPEN_STATUSES, queryOfFilters } from '../../site/src/app/ticketFilters.ts';
import { moveItem } from '../../site/src/app/reorder.ts';
import { placedFields } from '../../site/src/app/components/settings.ts';
import { ApiError } from '../../site/src/app/api/client.ts';

describe('absences picked as days', () => {
  it('run from the first day\'s midnight to the midnight after the last day, with the zone\'s offset', () => {
    expect(absenceOfDays('2027-01-05', '2027-01-08', 'Europe/Madrid')).toEqual({ from: '2027-01-05T00:00:00+01:00', until: '2027-01-09T00:00:00+01:00' });
    expect(absenceOfDays('2027-01-05', '2027-01-05', 'Europe/Helsinki', '  dentist ')).toEqual({ from: '2027-01-05T00:00:00+02:00', until: '2027-01-06T00:00:00+02:00', note: 'dentist' });
  });

  it('take each end\'s own offset across a DST change', () => {
    // Europe/Madrid moves to summer time on Sunday 2027-03-28.
    const absence = absenceOfDays('2027-03-26', '2027-03-29', 'Europe/Madrid');
    expect(absence).toEqual({ from: '2027-03-26T00:00:00+01:00', until: '2027-03-30T00:00:00+02:00' });
    expect(Date.parse(absence.until) - Date.parse(absence.from)).toBe((4 * 24 - 1) * 3_600_000);
  });

  it('start a day whose midnight does not exist when the clocks jump (America/Santiago, 2026-09-06)', () => {
    expect(isoInZone(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06T01:00:00-03:00');
  });

  it('read back as the days picked, in the same zone', () => {
    for (const [first, last, zone] of [['2027-01-05', '2027-01-08', 'Europe/Madrid'], ['2027-03-26', '2027-03-29', 'Europe/Madrid'], ['2026-12-24', '2026-12-24', 'Asia/Kathmandu']] as const) {
      expect(daysOfAbsence(absenceOfDays(first, last, zone), zone)).toEqual({ first, last });
    }
  });
});

describe('ticket filters in the URL', () => {
  it('round-trip through the query in a stable order, without empty values', () => {
    const filters = filtersOfQuery(new URLSearchParams('system=LUMI&q=%20HD-1005%20&status=&priority=high&createdFrom=2027-01-01&unknown=1'));
    expect(filters).toEqual({ system: 'LUMI', q: 'HD-1005', priority: 'high', createdFrom: '2027-01-01' });
    expect(queryOfFilters(filters)).toBe('?q=HD-1005&priority=high&system=LUMI&createdFrom=2027-01-01');
    expect(filtersOfQuery(new URLSearchParams(queryOfFilters(filters).slice(1)))).toEqual(filters);
    expect(queryOfFilters({})).toBe('');
  });

  it('drop a created date that is not a date', () => {
    expect(filtersOfQuery(new URLSearchParams('createdTo=yesterday&createdFrom=2027-1-1'))).toEqual({});
  });

  it('ask the API for open tickets by due time unless told otherwise', () => {
    expect(apiQueryOf({})).toEqual({ status: OPEN_STATUSES, sort: 'due', limit: '100' });
    expect(apiQueryOf({ status: 'all', sort: 'activity', scope: 'mine' })).toEqual({ status: undefined, sort: 'activity', scope: 'mine', limit: '50' });
    expect(apiQueryOf({ status: 'waiting', assignee: 'unassigned', sort: 'created' })).toEqual({ status: 'waiting', assignee: 'unassigned', sort: 'created', limit: '100' });
    // Requesters' default order is the latest activity, paged.
    expect(apiQueryOf({}, defaultOrder(false))).toEqual({ status: OPEN_STATUSES, sort: 'activity', limit: '50' });
    expect(apiQueryOf({}, defaultOrder(true))).toEqual({ status: OPEN_STATUSES, sort: 'due', limit: '100' });
  });

  it('count what narrows the list (not the order nor whose tickets)', () => {
    expect(activeFilterCount({ sort: 'created', scope: 'mine' })).toBe(0);
    expect(activeFilterCount({ q: 'nccl', category: 'performance', scope: 'mine' })).toBe(2);
  });
});

describe('ordered lists', () => {
  it('move one item up or down and never out of the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('settings forms', () => {
  it('know which of the API\'s field errors a field shows (names, or prefixes ending in a dot)', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Invalid', status: 400, errors: [
      { field: 'timeZone', message: 'unknown zone' }, { field: 'weekly.2.end', message: 'end before start' }, { field: 'holidays.0', message: 'not a date' }, { field: 'other', message: '?' },
    ] });
    expect(placedFields(error, ['timeZone', 'weekly.', 'holidays'])).toEqual(['timeZone', 'weekly.2.end']);
    expect(placedFields(new Error('x'), ['timeZone'])).toEqual([]);
  });
});

describe('an expert\'s duty, as coordinators read it', () => {
  it('says on duty, off duty until when, away until when', async () => {
    const { dutyText } = await import('../../site/src/app/pages/experts.ts');
    expect(dutyText({ state: 'on duty' })).toBe('On duty');
    expect(dutyText({ state: 'away', until: '2027-01-09T00:00:00+01:00' })).toMatch(/^Away until .*2027/);
    expect(dutyText({ state: 'off duty', nextAt: '2027-01-05T07:00:00Z' })).toMatch(/^Off duty until .*2027/);
    expect(dutyText({ state: 'no hours soon' })).toBe('No support hours in the next two weeks');
  });
});

describe('priority menus with the configured SLA targets', () => {
  it('say business hours or round-the-clock time, and fall back to the built-in targets', async () => {
    const { priorityOption, slaTargetText } = await import('../../site/src/app/format.ts');
    expect(slaTargetText({ hours: 8, clock: 'business' })).toBe('8 business hours');
    expect(slaTargetText({ hours: 1, clock: 'business' })).toBe('1 business hour');
    expect(slaTargetText({ hours: 48, clock: 'always' })).toBe('2 d');
    const policy = { high: { firstResponse: { hours: 8, clock: 'business' as const }, resolution: { hours: 45, clock: 'business' as const } } };
    expect(priorityOption('high', policy)).toBe('High: first answer within 8 business hours, resolved within 45 business hours');
    expect(priorityOption('urgent', policy)).toMatch(/^Urgent: first answer within /);
  });

  it('keep the short menu within a phone\'s width: a business clock drops "answer"', async () => {
    const { priorityChoice } = await import('../../site/src/app/format.ts');
    const policy = {
      normal: { firstResponse: { hours: 18, clock: 'business' as const }, resolution: { hours: 90, clock: 'business' as const } },
      high: { firstResponse: { hours: 6, clock: 'always' as const }, resolution: { hours: 48, clock: 'always' as const } },
    };
    expect(priorityChoice('normal', policy)).toBe('Normal: within 18 business hours');
    expect(priorityChoice('high', policy)).toBe('High: answer within 6 h');
  });
});

describe('the requester filter for staff', () => {
  it('offers the requesters of the tickets listed, by name, keeping the one chosen', async () => {
    const { requestersOf } = await import('../../site/src/app/pages/tickets.ts');
    const tickets = [{ requesterId: 'u-maria', requesterName: 'María Ortega' }, { requesterId: 'u-jonas', requesterName: 'Jonas Weber' }, { requesterId: 'u-maria', requesterName: 'María Ortega' }];
    expect(requestersOf(tickets)).toEqual([['u-jonas', 'Jonas Weber'], ['u-maria', 'María Ortega']]);
    expect(requestersOf([], 'u-lea')).toEqual([['u-lea', 'u-lea']]);
  });
});
