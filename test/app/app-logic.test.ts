// App rules that need no browser: routing, return paths, sessions, configuration, deflection, formatting, problems.
import { describe, expect, it } from 'vitest';
import { ApiError, isProblem } from '../../site/src/app/api/client.ts';
import { safeReturnPath } from '../../site/src/app/auth/flows.ts';
import { readSession, tokenExpiry } from '../../site/src/app/auth/session.ts';
import { niceMax } from '../../site/src/app/components/charts.ts';
import { validationSummary } from '../../site/src/app/components/ui.ts';
import { parseConfig } from '../../site/src/app/config.ts';
import { createDeflectionTracker, guideFromUrl, OPENING_GRACE_MS } from '../../site/src/app/deflection.ts';
import { browserZone, formatDateTime, formatDateTimeZoned, formatTimeRange, formatMinutes, groupByDay, setViewerZone, topicLabel, viewerZone } from '../../site/src/app/format.ts';
import { describeEvent } from '../../site/src/app/history.ts';
import { listOf } from '../../site/src/app/pages/profile.ts';
import { byDueTime } from '../../site/src/app/pages/tickets.ts';
import { TOPIC_TITLES } from '../../site/src/app/topics.ts';
import { TOPIC_IDS } from '../../functions/core/topics.ts';
import { matchRoute, mayOpen } from '../../site/src/app/router.ts';
import { ROUTES, STATIC_ROUTE_PATHS } from '../../site/src/app/routes.ts';
import type { Me, TicketSummary } from '../../site/src/app/api/types.ts';

const user = (role: Me['role']): Me => ({ id: 'u', email: 'u@x', name: 'U', role });

describe('routes', () => {
  it('match with and without trailing slash; new is not an id', () => {
    expect(matchRoute(ROUTES, '/app/tickets/new')?.route.page).toBe('newTicket');
    expect(matchRoute(ROUTES, '/app/tickets/new/')?.route.page).toBe('newTicket');
    expect(matchRoute(ROUTES, '/app/tickets/k2b8')).toMatchObject({ route: { page: 'ticket' }, params: { id: 'k2b8' } });
    // A reference (any case) or a bare number passes through to the API, which resolves it.
    expect(matchRoute(ROUTES, '/app/tickets/HD-1005')).toMatchObject({ route: { page: 'ticket' }, params: { id: 'HD-1005' } });
    expect(matchRoute(ROUTES, '/app/tickets/hd-1005/')).toMatchObject({ route: { page: 'ticket' }, params: { id: 'hd-1005' } });
    expect(matchRoute(ROUTES, '/app/tickets/1005')).toMatchObject({ route: { page: 'ticket' }, params: { id: '1005' } });
    expect(matchRoute(ROUTES, '/app/service/experts')?.route.page).toBe('experts');
    expect(matchRoute(ROUTES, '/app/mentoring/')?.route.page).toBe('mentoring');
    expect(matchRoute(ROUTES, '/app/tickets/a/b')).toBeUndefined();
    expect(matchRoute(ROUTES, '/guides/')).toBeUndefined();
  });

  it('let each role open only its pages, and anyone the sign-in', () => {
    const route = (path: string) => matchRoute(ROUTES, path)!.route;
    expect(mayOpen(route('/app/service'), undefined)).toBe('sign-in');
    expect(mayOpen(route('/app/sign-in'), undefined)).toBe('ok');
    expect(mayOpen(route('/app/service'), user('requester'))).toBe('forbidden');
    expect(mayOpen(route('/app/service'), user('coordinator'))).toBe('ok');
    expect(mayOpen(route('/app/availability'), user('expert'))).toBe('ok');
    expect(mayOpen(route('/app/tickets/new'), user('expert'))).toBe('forbidden');
    expect(mayOpen(route('/app/tickets'), user('expert'))).toBe('ok');
    expect(mayOpen(route('/app/profile/'), user('expert'))).toBe('ok');
    expect(mayOpen(route('/app/profile'), user('requester'))).toBe('forbidden');
    expect(mayOpen(route('/app/profile'), user('coordinator'))).toBe('forbidden');
    for (const role of ['requester', 'expert', 'coordinator'] as const) expect(mayOpen(route('/app/notifications/'), user(role))).toBe('ok');
    expect(mayOpen(route('/app/notifications'), undefined)).toBe('sign-in');
    for (const path of ['/app/service/hours', '/app/service/sla', '/app/service/routing', '/app/service/experts']) {
      expect(mayOpen(route(path), user('coordinator'))).toBe('ok');
      expect(mayOpen(route(path), user('expert'))).toBe('forbidden');
      expect(mayOpen(route(path), user('requester'))).toBe('forbidden');
    }
    expect(mayOpen(route('/app/support-hours'), user('expert'))).toBe('ok');
    expect(mayOpen(route('/app/support-hours'), user('requester'))).toBe('forbidden');
  });

  it('name every static page for the build to write a shell into', () => {
    expect(STATIC_ROUTE_PATHS).toEqual(['sign-in', 'callback', 'tickets', 'tickets/new', 'mentoring', 'sessions', 'availability', 'support-hours', 'service', 'service/hours', 'service/sla', 'service/routing', 'service/experts', 'readers', 'profile', 'reviews', 'notifications', 'outbox']);
  });

  it('return only to app paths after sign-in', () => {
    expect(safeReturnPath('/app/tickets/new?category=other')).toBe('/app/tickets/new?category=other');
    for (const bad of [null, '', 'https://evil.example/app/x', '//evil.example/app/', '/app//evil.example', '/app/sign-in?next=/app/x', '/app/callback', '/guides/', '/app/\\evil']) {
      expect(safeReturnPath(bad)).toBe('/app/tickets');
    }
  });
});

describe('the session', () => {
  const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
  const storage = (value: unknown) => ({ getItem: () => JSON.stringify(value) }) as unknown as Storage;

  it('reads the expiry of the ID token', () => {
    expect(tokenExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(() => tokenExpiry(jwt({ sub: 'x' }))).toThrow();
    expect(() => tokenExpiry('garbage')).toThrow();
  });

  it('is gone a minute before the token expires, or when the stored value is not one', () => {
    const session = { token: 't', expiresAt: 1_000_000, user: user('expert') };
    expect(readSession(storage(session), 1_000_000 - 61_000)).toEqual(session);
    expect(readSession(storage(session), 1_000_000 - 59_000)).toBeUndefined();
    expect(readSession({ getItem: () => '{not json' } as unknown as Storage, 0)).toBeUndefined();
    expect(readSession({ getItem: () => null } as unknown as Storage, 0)).toBeUndefined();
  });
});

describe('runtime configuration', () => {
  it('reads the deployed Cognito configuration and the local one', () => {
    expect(parseConfig({ apiUrl: '/api', mode: 'cognito', cognito: { domain: 'https://auth.example.eu/', clientId: 'c1', region: 'eu-west-1', userPoolId: 'p' } }))
      .toEqual({ mode: 'cognito', apiUrl: '/api', cognito: { domain: 'auth.example.eu', clientId: 'c1', region: 'eu-west-1', userPoolId: 'p' } });
    expect(parseConfig({ apiUrl: 'https://api.example.eu/api/', mode: 'local' })).toEqual({ mode: 'local', apiUrl: 'https://api.example.eu/api' });
    expect(parseConfig(null)).toEqual({ mode: 'local', apiUrl: '/api' });
    expect(() => parseConfig({ mode: 'cognito', cognito: { domain: 'x' } })).toThrow(/clientId/);
  });
});

describe('deflection', () => {
  it('reads guide and section from a suggestion URL', () => {
    expect(guideFromUrl('/guides/slurm-basics/#reading-pending-reasons')).toEqual({ guide: 'slurm-basics', section: 'reading-pending-reasons' });
    expect(guideFromUrl('https://support.example.eu/guides/slurm-basics/')).toEqual({ guide: 'slurm-basics' });
    expect(guideFromUrl('/guides/slurm-basics/#Weird%20Anchor!')).toEqual({ guide: 'slurm-basics' });
    expect(guideFromUrl('/tags/slurm/')).toBeUndefined();
    expect(guideFromUrl('/guides//')).toBeUndefined();
  });

  it('counts a requester who opened a guide and left, once', () => {
    const tracker = createDeflectionTracker();
    expect(tracker.leaving('pagehide', 0)).toBeUndefined();
    tracker.opened({ guide: 'a' }, 1_000);
    tracker.opened({ guide: 'b', section: 's' }, 2_000);
    expect(tracker.leaving('pagehide', 3_000)).toEqual({ guide: 'b', section: 's' });
    expect(tracker.leaving('pagehide', 4_000)).toBeUndefined();
    expect(tracker.leaving('route-change', 5_000)).toBeUndefined();
  });

  it('does not count the tab hidden by opening the guide, nor a requester who submitted', () => {
    const tracker = createDeflectionTracker();
    tracker.opened({ guide: 'a' }, 10_000);
    expect(tracker.leaving('hidden', 10_000 + OPENING_GRACE_MS - 1)).toBeUndefined();
    expect(tracker.leaving('hidden', 10_000 + OPENING_GRACE_MS)).toEqual({ guide: 'a' });
    const submitted = createDeflectionTracker();
    submitted.opened({ guide: 'a' }, 0);
    submitted.submitted();
    expect(submitted.leaving('pagehide', 60_000)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('groups slots by the viewer\'s day, not the expert\'s or UTC', () => {
    const slots = [{ start: '2026-12-03T23:30:00Z' }, { start: '2026-12-03T08:00:00Z' }, { start: '2026-12-04T09:00:00Z' }];
    expect(groupByDay(slots, 'Europe/Helsinki').map((day) => [day.day, day.slots.length])).toEqual([['2026-12-03', 1], ['2026-12-04', 2]]);
    expect(groupByDay(slots, 'America/New_York').map((day) => [day.day, day.slots.length])).toEqual([['2026-12-03', 2], ['2026-12-04', 1]]);
  });

  it('writes durations and topic names for people', () => {
    expect(formatMinutes(null)).toBe('–');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(0)).toBe('under 1 min');
    expect(formatMinutes(0.2)).toBe('under 1 min');
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(3000)).toBe('2 d 2 h');
    expect(topicLabel('amd-rocm-lumi')).toBe('PyTorch on AMD MI250X (LUMI) with ROCm');
    expect(topicLabel('slurm-basics')).toBe('Submitting GPU jobs with Slurm');
    expect(topicLabel('not-a-topic')).toBe('Not a topic');
  });

  it('shows times in the person\'s chosen zone, named when it is not the device\'s; the device\'s zone without a choice', () => {
    const other = browserZone() === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
    const at = '2027-01-18T15:00:00Z';
    const wallClock = (zone: string) => new Intl.DateTimeFormat(undefined, { timeZone: zone, timeStyle: 'short' }).format(new Date(at));
    try {
      setViewerZone(other);
      expect(viewerZone()).toBe(other);
      expect(formatDateTime(at)).toContain(wallClock(other));
      expect(formatDateTime(at)).toMatch(new RegExp(`\\(${other}\\)$`));
      expect(formatTimeRange(at, '2027-01-18T16:00:00Z')).toContain(`(${other})`);
      setViewerZone(null);
      expect(viewerZone()).toBe(browserZone());
      expect(formatDateTime(at)).toContain(wallClock(browserZone()));
      expect(formatDateTime(at)).not.toContain('(');
      // Due times name the zone even when it is the device's.
      expect(formatDateTimeZoned(at)).toMatch(new RegExp(`\\(${browserZone()}\\)$`));
    } finally {
      setViewerZone(null);
    }
  });

  it('picks tidy chart maxima', () => {
    expect([0, 1, 3, 7, 10, 11, 48, 120].map(niceMax)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });
});

describe('the expert queue', () => {
  const ticket = (id: string, { firstResponseDue = '2026-12-01T00:00:00Z', resolutionDue = '2026-12-20T00:00:00Z', paused = false, answered = false } = {}) => ({
    id, firstResponseAt: answered ? '2026-11-30T00:00:00Z' : undefined, sla: { firstResponseDue, resolutionDue, paused },
  }) as unknown as TicketSummary;

  it('puts the SLA clock due first on top and paused clocks last', () => {
    const sorted = byDueTime([
      ticket('late', { firstResponseDue: '2026-12-05T00:00:00Z' }),
      ticket('paused', { firstResponseDue: '2026-12-01T00:00:00Z', paused: true }),
      ticket('soon', { firstResponseDue: '2026-12-02T00:00:00Z' }),
      // answered: its resolution clock counts, not the first-response one that has passed
      ticket('answered', { firstResponseDue: '2026-11-30T00:00:00Z', resolutionDue: '2026-12-03T00:00:00Z', answered: true }),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['soon', 'answered', 'late', 'paused']);
  });
});

describe('the ticket history', () => {
  const names: Record<string, string> = { 'u-ana': 'Ana García', 'u-mikko': 'Mikko Virtanen' };
  const nameOf = (id: string) => names[id] ?? id;
  const event = (type: string, extra: Record<string, unknown> = {}) => ({ at: '2026-11-30T08:00:00Z', type, actorId: 'u-coord', actorName: 'Sam Coordinator', ...extra });

  it('says what each change did, with people\'s names', () => {
    expect(describeEvent(event('created'), nameOf)).toBe('opened the ticket');
    expect(describeEvent(event('status', { from: 'open', to: 'waiting' }), nameOf)).toBe('changed the status from Open to Waiting');
    expect(describeEvent(event('status', { from: 'new', to: 'open' }), nameOf)).toBe('changed the status from New to Open');
    expect(describeEvent(event('priority', { from: 'normal', to: 'high' }), nameOf)).toBe('changed the priority from Normal to High');
    expect(describeEvent(event('category', { from: 'other', to: 'data-and-storage' }), nameOf)).toBe('moved it from Other to Data and storage');
    expect(describeEvent(event('assigned', { from: null, to: 'u-ana' }), nameOf)).toBe('assigned it to Ana García');
    expect(describeEvent(event('assigned', { from: 'u-ana', to: null }), nameOf)).toBe('unassigned Ana García');
    expect(describeEvent(event('assigned', { actorId: 'u-mikko', from: null, to: 'u-mikko' }), nameOf)).toBe('took the ticket');
    expect(describeEvent(event('assigned', { actorId: 'u-mikko', from: 'u-ana', to: 'u-mikko' }), nameOf)).toBe('took the ticket from Ana García');
    expect(describeEvent(event('assigned', { to: 'u-gone' }), nameOf)).toBe('assigned it to u-gone');
    expect(describeEvent(event('note'), nameOf)).toBe('added an internal note');
    expect(describeEvent(event('reply'), nameOf)).toBe('replied');
  });
});

describe('the expert profile form', () => {
  it('reads comma-separated lists, dropping blanks', () => {
    expect(listOf(' FSDP, DeepSpeed ,, ')).toEqual(['FSDP', 'DeepSpeed']);
    expect(listOf('')).toEqual([]);
  });

  it('shows a title for every topic the API accepts', () => {
    for (const id of TOPIC_IDS) expect(TOPIC_TITLES[id], id).toMatch(/\S/);
    expect(Object.keys(TOPIC_TITLES)).toEqual([...TOPIC_IDS]);
  });
});

describe('API problems', () => {
  it('are told apart by their code, not their status', () => {
    const taken = new ApiError({ type: '/problems/slot.taken', code: 'slot.taken', title: 'Conflict', status: 409, detail: 'Someone booked this slot a moment ago; pick another.' });
    const changed = new ApiError({ type: '/problems/booking.changed', code: 'booking.changed', title: 'Conflict', status: 409 });
    expect(isProblem(taken, 'slot.taken', 'busy')).toBe(true);
    expect(isProblem(changed, 'slot.taken', 'busy')).toBe(false);
    expect(isProblem(new ApiError({ type: 'about:blank', title: 'Network error', status: 0 }), 'busy')).toBe(false);
    expect(isProblem(new Error('slot.taken'), 'slot.taken')).toBe(false);
  });
});

describe('a form\'s validation summary (second outside review)', () => {
  const problem = (errors: Array<{ field: string; message: string }>, code = 'validation') =>
    ({ type: 'about:blank', title: 'Invalid request', status: 400, detail: 'The request has invalid fields.', code, errors }) as unknown as ApiError['problem'];
  it('counts the fields in a person\'s words, with the right plural', () => {
    expect(validationSummary(problem([{ field: 'subject', message: 'a' }, { field: 'body', message: 'b' }]))).toBe('Please correct the 2 fields marked below.');
    expect(validationSummary(problem([{ field: 'subject', message: 'a' }, { field: 'subject', message: 'b' }]))).toBe('Please correct the field marked below.');
  });
  it('leaves other problems to their title and detail', () => {
    expect(validationSummary(problem([], 'validation'))).toBeUndefined();
    expect(validationSummary(problem([{ field: 'x', message: 'y' }], 'stale'))).toBeUndefined();
  });
});
