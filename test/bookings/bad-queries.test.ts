import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from './support.ts';

/** Odd query strings and path ids on the read endpoints: a 200 or a 4xx problem+json, never a 5xx. */
let stack: BookingStack;
let cursor: string;
beforeAll(async () => {
  stack = await startBookingStack();
  await stack.book(AS.maria, 'u-ana');
  await stack.book(AS.maria, 'u-ana');
  cursor = (await stack.json(await stack.call('GET', '/api/bookings?limit=1', { as: AS.maria }))).cursor;
});
afterAll(() => stack.close());

async function expectNoServerError(response: Response): Promise<void> {
  expect(response.status, await response.clone().text()).toBeLessThan(500);
  if (response.status >= 400) expect(response.headers.get('content-type')).toContain('application/problem+json');
}

const instant = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T10:00:00Z', '2026-12-01', 'yesterday', '', '2026-12-01T09:00:00+14:00', '2026-12-01T09:00:00.123456Z'),
  fc.string({ maxLength: 30 }),
);
const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 'llm-finetuning', 'LUMI', 'en', 'upcoming', 'past', 'cancelled', '0', '-1', '101', '1e3'));

describe('read endpoints never fail with a 5xx', () => {
  it('GET /api/experts/:id/slots with any from, to and id', async () => {
    await fc.assert(fc.asyncProperty(fc.option(instant), fc.option(instant), fc.constantFrom('u-ana', 'u-nobody', 'U-ANA', '..', 'x'.repeat(60)), async (from, to, id) => {
      const query = new URLSearchParams({ ...(from !== null ? { from } : {}), ...(to !== null ? { to } : {}) });
      await expectNoServerError(await stack.call('GET', `/api/experts/${encodeURIComponent(id)}/slots?${query}`, { as: AS.maria }));
    }), { numRuns: 60 });
  });

  it('GET /api/experts with any topic, lang and system', async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom('topic', 'lang', 'system', 'other'), value), async (params) => {
      await expectNoServerError(await stack.call('GET', `/api/experts?${new URLSearchParams(params)}`, { as: AS.lea }));
    }), { numRuns: 40 });
  });

  it('GET /api/bookings with any filter, limit and cursor (including one from another filter)', async () => {
    const cursors = fc.oneof(value, fc.constant(cursor), fc.base64String({ maxLength: 80 }));
    await fc.assert(fc.asyncProperty(fc.option(value), fc.option(value), fc.option(cursors), fc.constantFrom(AS.maria, AS.ana, AS.coord), async (filter, limit, c, as) => {
      const query = new URLSearchParams({ ...(filter !== null ? { filter } : {}), ...(limit !== null ? { limit } : {}), ...(c !== null ? { cursor: c } : {}) });
      await expectNoServerError(await stack.call('GET', `/api/bookings?${query}`, { as }));
    }), { numRuns: 60 });
  });

  it('GET /api/orgs and GET /api/experts/me with any query string', async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 12 }), value), fc.constantFrom(AS.coord, AS.ana, AS.maria), async (params, as) => {
      for (const path of ['/api/orgs', '/api/experts/me']) await expectNoServerError(await stack.call('GET', `${path}?${new URLSearchParams(params)}`, { as }));
    }), { numRuns: 30 });
  });

  it('GET /api/bookings/:id/ics and GET /api/orgs/:id/allowance with any id', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 50 }), async (id) => {
      await expectNoServerError(await stack.call('GET', `/api/bookings/${encodeURIComponent(id)}/ics`, { as: AS.maria }));
      await expectNoServerError(await stack.call('GET', `/api/orgs/${encodeURIComponent(id)}/allowance`, { as: AS.maria }));
    }), { numRuns: 40 });
  });
});
