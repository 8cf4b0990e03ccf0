import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from './support.ts';

/**
 * Every booking endpoint × caller × whose the target is. "Own" is Aurora AI's (María's organisation, a session
 * with Ana); "another's" is Basalt Labs' (a session with Giulia). Another organisation's booking is 404, not 403.
 */
type Actor = 'anonymous' | 'requester aurora-ai' | 'requester basalt-labs' | 'expert' | 'coordinator';
type Target = 'aurora-ai' | 'basalt-labs';

const ACTORS: Record<Actor, string | undefined> = {
  anonymous: undefined,
  'requester aurora-ai': AS.maria,
  'requester basalt-labs': AS.lea,
  expert: AS.ana,
  coordinator: AS.coord,
};
const TARGETS: Target[] = ['aurora-ai', 'basalt-labs'];

let stack: BookingStack;
const tickets: Record<Target, string> = { 'aurora-ai': '', 'basalt-labs': '' };
beforeAll(async () => {
  stack = await startBookingStack();
  await stack.setAllowance('aurora-ai', 100_000);
  await stack.setAllowance('basalt-labs', 100_000);
  for (const [org, as] of [['aurora-ai', AS.maria], ['basalt-labs', AS.lea]] as const) {
    const ticket = await stack.call('POST', '/api/tickets', { as, body: { subject: 'Help with mentoring', body: 'Details', category: 'other' } });
    tickets[org] = (await stack.json(ticket)).id;
  }
});
afterAll(() => stack.close());

/** A fresh booking of the target organisation: Aurora AI with Ana, Basalt Labs with Giulia. */
const bookingOf = (target: Target) => (target === 'aurora-ai' ? stack.book(AS.maria, 'u-ana') : stack.book(AS.lea, 'u-giulia'));

/** Expected status by actor, as [on Aurora AI's, on Basalt Labs']. */
type Statuses = Record<Actor, readonly [number, number]>;

/** For a booking of each target organisation. */
const onBooking: Statuses = {
  anonymous: [401, 401],
  'requester aurora-ai': [200, 404],
  'requester basalt-labs': [404, 200],
  expert: [200, 404],
  coordinator: [200, 200],
};

const cases = (table: Statuses) => (Object.keys(ACTORS) as Actor[]).flatMap((actor) => TARGETS.map((target, index) => [actor, target, table[actor][index]!] as const));

describe.each(['get', 'cancel', 'reschedule', 'ics'] as const)('/api/bookings/:id (%s)', (action) => {
  it.each(cases(onBooking))('%s on a booking of %s', async (actor, target, expected) => {
    const booking = await bookingOf(target);
    const as = ACTORS[actor];
    const response = action === 'get' || action === 'ics'
      ? await stack.call('GET', `/api/bookings/${booking.id}${action === 'ics' ? '/ics' : ''}`, { as })
      : action === 'cancel'
        ? await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as, body: {} })
        : await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as, body: { start: (await stack.takeSlot(booking.expertId)).start } });
    expect(response.status).toBe(expected);
    if (expected !== 200) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const after = (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as: AS.coord }))).items.find((b: any) => b.id === booking.id);
      expect(after).toMatchObject({ status: 'booked', start: booking.start, sequence: 0 });
    }
  });
});

/** The endpoints that name an organisation (or its ticket), in the order they run: each caller on each organisation. */
const onOrganisation: Array<{ suite: string; title: string; expected: Statuses; call(target: Target, as: string | undefined): Promise<Response>; more?(): void }> = [
  {
    suite: 'POST /api/bookings (with a ticket of each organisation)',
    title: '%s naming a ticket of %s',
    expected: { anonymous: [401, 401], 'requester aurora-ai': [201, 422], 'requester basalt-labs': [422, 201], expert: [403, 403], coordinator: [403, 403] },
    call: async (target, as) => stack.call('POST', '/api/bookings', {
      as, body: { expertId: 'u-mikko', start: (await stack.takeSlot('u-mikko')).start, topic: 'Authorization matrix', ticketId: tickets[target] },
    }),
  },
  {
    suite: 'PUT /api/orgs/:id/allowance',
    title: '%s on %s',
    expected: { anonymous: [401, 401], 'requester aurora-ai': [403, 403], 'requester basalt-labs': [403, 403], expert: [403, 403], coordinator: [200, 200] },
    call: (target, as) => stack.call('PUT', `/api/orgs/${target}/allowance`, { as, body: { minutes: 100_000 } }),
    more: () => it('an unknown organisation is 404 for a coordinator', async () => {
      expect((await stack.call('PUT', '/api/orgs/no-such-org/allowance', { as: AS.coord, body: { minutes: 60 } })).status).toBe(404);
    }),
  },
  {
    suite: 'GET /api/orgs/:id/allowance',
    title: '%s on %s',
    expected: { anonymous: [401, 401], 'requester aurora-ai': [200, 404], 'requester basalt-labs': [404, 200], expert: [403, 403], coordinator: [200, 200] },
    call: (target, as) => stack.call('GET', `/api/orgs/${target}/allowance`, { as }),
  },
];

for (const { suite, title, expected, call, more } of onOrganisation) {
  describe(suite, () => {
    it.each(cases(expected))(title, async (actor, target, status) => {
      expect((await call(target, ACTORS[actor])).status).toBe(status);
    });
    more?.();
  });
}

describe('endpoints without a target organisation', () => {
  const availability = { timeZone: 'Europe/Madrid', slotMinutes: 60, weekly: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'mon', start: '14:00', end: '17:00' }, { day: 'tue', start: '09:00', end: '12:00' }, { day: 'wed', start: '09:00', end: '12:00' }, { day: 'thu', start: '09:00', end: '12:00' }, { day: 'fri', start: '09:00', end: '12:00' }] };
  const rows: Array<[string, () => [string, string, unknown?], Record<Actor, number>]> = [
    ['GET /api/experts', () => ['GET', '/api/experts'], { anonymous: 401, 'requester aurora-ai': 200, 'requester basalt-labs': 200, expert: 200, coordinator: 200 }],
    ['GET /api/experts/:id/slots', () => ['GET', '/api/experts/u-giulia/slots'], { anonymous: 401, 'requester aurora-ai': 200, 'requester basalt-labs': 200, expert: 200, coordinator: 200 }],
    ['PUT /api/experts/me/availability', () => ['PUT', '/api/experts/me/availability', availability], { anonymous: 401, 'requester aurora-ai': 403, 'requester basalt-labs': 403, expert: 200, coordinator: 403 }],
    ['PUT /api/experts/me', () => ['PUT', '/api/experts/me', { bio: 'Distributed training.', expertise: ['distributed-training'], languages: ['en', 'es'], meetingLink: 'https://video.support.example/ana-garcia' }], { anonymous: 401, 'requester aurora-ai': 403, 'requester basalt-labs': 403, expert: 200, coordinator: 403 }],
    ['GET /api/experts/me', () => ['GET', '/api/experts/me'], { anonymous: 401, 'requester aurora-ai': 403, 'requester basalt-labs': 403, expert: 200, coordinator: 403 }],
    ['GET /api/orgs', () => ['GET', '/api/orgs'], { anonymous: 401, 'requester aurora-ai': 403, 'requester basalt-labs': 403, expert: 403, coordinator: 200 }],
    ['GET /api/bookings', () => ['GET', '/api/bookings'], { anonymous: 401, 'requester aurora-ai': 200, 'requester basalt-labs': 200, expert: 200, coordinator: 200 }],
  ];
  for (const [name, request, expected] of rows) {
    it.each(Object.keys(ACTORS) as Actor[])(`${name} as %s`, async (actor) => {
      const [method, path, body] = request();
      expect((await stack.call(method, path, { as: ACTORS[actor], body })).status).toBe(expected[actor]);
    });
  }

  it('GET /api/bookings shows each caller only what they may see', async () => {
    const seen = async (as: string) => (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as }))).items as any[];
    expect(new Set((await seen(AS.maria)).map((b) => b.orgId))).toEqual(new Set(['aurora-ai']));
    expect(new Set((await seen(AS.lea)).map((b) => b.orgId))).toEqual(new Set(['basalt-labs']));
    expect(new Set((await seen(AS.ana)).map((b) => b.expertId))).toEqual(new Set(['u-ana']));
    expect(new Set((await seen(AS.coord)).map((b) => b.orgId))).toEqual(new Set(['aurora-ai', 'basalt-labs']));
  });
});
