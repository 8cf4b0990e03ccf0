import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { DEFAULT_CALENDAR } from '../../functions/routing/domain/default-calendar.ts';
import { DEFAULT_POLICY } from '../../functions/routing/domain/sla-policy.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock: fixedClock('2027-01-12T10:00:00.000Z') }); });
afterAll(async () => { await stack?.close(); });

const fieldsOf = async (response: Response) => ((await response.json()).errors ?? []).map((e: { field: string }) => e.field);

const validBodies: Record<string, unknown> = {
  'service-hours': { ...DEFAULT_CALENDAR },
  sla: DEFAULT_POLICY,
  routing: { autoAssign: true, categories: {} },
};

describe('settings: who may read and change them', () => {
  const callers = [['anonymous', undefined, 401, 401], ['requester', AS.maria, 403, 403], ['expert', AS.ana, 200, 403], ['coordinator', AS.coord, 200, 200]] as const;
  for (const name of Object.keys(validBodies)) {
    for (const [who, as, staffRead, write] of callers) {
      // The SLA targets are what requesters are promised: anyone signed in reads them; only coordinators change them.
      const read = name === 'sla' && who === 'requester' ? 200 : staffRead;
      it(`${who}: GET /api/settings/${name} → ${read}, PUT → ${write}`, async () => {
        expect((await stack.call('GET', `/api/settings/${name}`, { as })).status).toBe(read);
        expect((await stack.call('PUT', `/api/settings/${name}`, { as, body: validBodies[name] })).status).toBe(write);
      });
    }
  }

  it('answers the domain defaults until a coordinator saves settings, then what was saved', async () => {
    const sla = await (await stack.call('GET', '/api/settings/sla', { as: AS.ana })).json();
    expect(sla).toEqual(DEFAULT_POLICY);
    const changed = { ...DEFAULT_POLICY, low: { firstResponse: { hours: 50, clock: 'business' }, resolution: { hours: 200, clock: 'business' } } };
    expect((await stack.call('PUT', '/api/settings/sla', { as: AS.coord, body: changed })).status).toBe(200);
    expect(await (await stack.call('GET', '/api/settings/sla', { as: AS.ana })).json()).toEqual(changed);
    expect(await (await stack.call('GET', '/api/settings/sla', { as: AS.maria })).json()).toEqual(changed);
    await stack.call('PUT', '/api/settings/sla', { as: AS.coord, body: DEFAULT_POLICY });
  });

  it('experts set their own support hours and absences; requesters may not', async () => {
    const hours = { timeZone: 'Europe/Helsinki', weekly: [{ day: 'mon', start: '08:00', end: '16:00' }] };
    expect((await stack.call('PUT', '/api/experts/me/support-hours', { as: AS.maria, body: hours })).status).toBe(403);
    const saved = await stack.call('PUT', '/api/experts/me/support-hours', { as: AS.mikko, body: hours });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ ...hours, followsServiceHours: false });
    const cleared = await (await stack.call('DELETE', '/api/experts/me/support-hours', { as: AS.mikko })).json();
    expect(cleared).toEqual({ timeZone: DEFAULT_CALENDAR.timeZone, weekly: DEFAULT_CALENDAR.weekly, followsServiceHours: true });
    const absences = { absences: [{ from: '2027-02-01T00:00:00+02:00', until: '2027-02-03T00:00:00+02:00', note: 'Conference' }] };
    expect((await stack.call('PUT', '/api/experts/me/absences', { as: AS.maria, body: absences })).status).toBe(403);
    expect((await stack.call('PUT', '/api/experts/me/absences', { as: AS.mikko, body: absences })).status).toBe(200);
    expect(await (await stack.call('GET', '/api/experts/me/absences', { as: AS.mikko })).json()).toEqual(absences);
    // Someone else's absences: coordinators only.
    expect((await stack.call('PUT', '/api/routing/experts/u-mikko/absences', { as: AS.ana, body: { absences: [] } })).status).toBe(403);
    expect((await stack.call('PUT', '/api/routing/experts/u-mikko/absences', { as: AS.coord, body: { absences: [] } })).status).toBe(200);
    expect((await stack.call('PUT', '/api/routing/experts/u-nobody/absences', { as: AS.coord, body: { absences: [] } })).status).toBe(404);
    expect(await (await stack.call('GET', '/api/experts/me/absences', { as: AS.mikko })).json()).toEqual({ absences: [] });
  });

  it('the roster view: coordinators see every expert, an expert their own row, requesters nothing', async () => {
    const all = await (await stack.call('GET', '/api/routing/experts', { as: AS.coord })).json();
    expect(all.experts.map((e: { id: string }) => e.id).sort()).toEqual(['u-ana', 'u-giulia', 'u-mikko']);
    const own = await (await stack.call('GET', '/api/routing/experts', { as: AS.ana })).json();
    expect(own.experts.map((e: { id: string }) => e.id)).toEqual(['u-ana']);
    expect((await stack.call('GET', '/api/routing/experts', { as: AS.maria })).status).toBe(403);
    expect((await stack.call('POST', '/api/routing/experts/u-ana/reassign', { as: AS.ana, body: {} })).status).toBe(403);
  });
});

describe('settings: bad input is 400 naming the field, and nothing is saved', () => {
  const cases: Array<[string, string, unknown, string]> = [
    ['an unknown zone', 'service-hours', { ...DEFAULT_CALENDAR, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['overlapping windows', 'service-hours', { ...DEFAULT_CALENDAR, weekly: [{ day: 'mon', start: '09:00', end: '13:00' }, { day: 'mon', start: '12:00', end: '18:00' }] }, 'weekly.1'],
    ['an end before the start', 'service-hours', { ...DEFAULT_CALENDAR, weekly: [{ day: 'tue', start: '18:00', end: '09:00' }] }, 'weekly.0.end'],
    ['a holiday that is not a date', 'service-hours', { ...DEFAULT_CALENDAR, holidays: ['2026-12-25', '25/12/2027'] }, 'holidays.1'],
    ['a target of 0 hours', 'sla', { ...DEFAULT_POLICY, high: { firstResponse: { hours: 0, clock: 'business' }, resolution: { hours: 45, clock: 'business' } } }, 'high.firstResponse.hours'],
    ['an unknown clock', 'sla', { ...DEFAULT_POLICY, low: { firstResponse: { hours: 4, clock: 'weekdays' }, resolution: { hours: 45, clock: 'business' } } }, 'low.firstResponse.clock'],
    ['an unknown expert', 'routing', { autoAssign: true, categories: { 'jobs-and-scheduling': ['u-mikko', 'u-nobody'] } }, 'categories.jobs-and-scheduling.1'],
    ['an unknown category', 'routing', { autoAssign: true, categories: { billing: ['u-mikko'] } }, 'categories.billing'],
  ];
  for (const [what, name, body, field] of cases) {
    it(`${name}: ${what} → 400 naming ${field}`, async () => {
      const before = await (await stack.call('GET', `/api/settings/${name}`, { as: AS.coord })).json();
      const response = await stack.call('PUT', `/api/settings/${name}`, { as: AS.coord, body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await fieldsOf(response)).toContain(field);
      expect(await (await stack.call('GET', `/api/settings/${name}`, { as: AS.coord })).json()).toEqual(before);
    });
  }

  it('routing: a category named "__proto__" (which JSON parsing would keep and the schema drop) → 400 naming it', async () => {
    const before = await (await stack.call('GET', '/api/settings/routing', { as: AS.coord })).json();
    const response = await stack.call('PUT', '/api/settings/routing', { as: AS.coord, rawBody: '{"autoAssign":false,"categories":{"__proto__":["u-ana"]}}' });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toContain('__proto__');
    expect(await (await stack.call('GET', '/api/settings/routing', { as: AS.coord })).json()).toEqual(before);
  });

  it('absences: until before from, overlapping, not an instant → 400 naming the field', async () => {
    const bad = async (absences: unknown) => fieldsOf(await stack.call('PUT', '/api/experts/me/absences', { as: AS.giulia, body: { absences } }));
    expect(await bad([{ from: '2027-02-03T00:00:00Z', until: '2027-02-01T00:00:00Z' }])).toContain('absences.0.until');
    expect(await bad([{ from: '2027-02-01T00:00:00Z', until: '2027-02-05T00:00:00Z' }, { from: '2027-02-04T00:00:00Z', until: '2027-02-06T00:00:00Z' }])).toContain('absences.1');
    expect(await bad([{ from: '2027-02-01', until: '2027-02-05T00:00:00Z' }])).toContain('absences.0.from');
    expect(await bad([{ from: '2027-02-01T00:00:00Z', until: '2027-02-05T00:00:00Z', extra: 1 }])).not.toEqual([]);
  });

  it('support hours in an unknown zone → 400 timeZone', async () => {
    const response = await stack.call('PUT', '/api/experts/me/support-hours', { as: AS.giulia, body: { timeZone: 'Mars/Olympus', weekly: [] } });
    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toContain('timeZone');
  });
});
