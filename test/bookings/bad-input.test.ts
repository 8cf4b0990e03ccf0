import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowanceBody, AvailabilityBody, CancelBody, CreateBookingBody, ExpertProfileBody, RescheduleBody } from '../../functions/bookings/schemas.ts';
import { AS, startBookingStack, type BookingStack } from './support.ts';

/**
 * Bad input to every write endpoint: always a 4xx problem+json (never a 5xx), and nothing written
 * (the whole table is compared before and after).
 */
let stack: BookingStack;
let booking: { id: string; start: string };
let offeredStart: string;
beforeAll(async () => {
  stack = await startBookingStack();
  booking = await stack.book(AS.maria, 'u-ana');
  offeredStart = (await stack.takeSlot('u-ana')).start;
});
afterAll(() => stack.close());

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  as: string;
  schema: z.ZodMiniType;
  valid: () => Record<string, unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'PUT /api/experts/me/availability', method: 'PUT', path: () => '/api/experts/me/availability', as: AS.ana, schema: AvailabilityBody,
    valid: () => ({ timeZone: 'Europe/Madrid', slotMinutes: 60, weekly: [{ day: 'mon', start: '09:00', end: '12:00' }], exceptions: [{ date: '2027-01-06' }], bufferMinutes: 10, noticeHours: 24, horizonDays: 30 }),
  },
  {
    name: 'PUT /api/experts/me', method: 'PUT', path: () => '/api/experts/me', as: AS.giulia, schema: ExpertProfileBody,
    valid: () => ({ bio: 'LLM fine-tuning.', expertise: ['llm-finetuning'], skills: ['LoRA'], languages: ['en', 'it'], systems: ['Leonardo'], meetingLink: 'https://video.support.example/giulia' }),
  },
  {
    name: 'POST /api/bookings', method: 'POST', path: () => '/api/bookings', as: AS.maria, schema: CreateBookingBody,
    valid: () => ({ expertId: 'u-ana', start: offeredStart, topic: 'Scaling FSDP', notes: 'Four nodes', system: 'LUMI' }),
  },
  { name: 'POST /api/bookings/:id/cancel', method: 'POST', path: () => `/api/bookings/${booking.id}/cancel`, as: AS.maria, schema: CancelBody, valid: () => ({ reason: 'Solved' }) },
  { name: 'POST /api/bookings/:id/reschedule', method: 'POST', path: () => `/api/bookings/${booking.id}/reschedule`, as: AS.maria, schema: RescheduleBody, valid: () => ({ start: offeredStart }) },
  { name: 'PUT /api/orgs/:id/allowance', method: 'PUT', path: () => '/api/orgs/aurora-ai/allowance', as: AS.coord, schema: AllowanceBody, valid: () => ({ minutes: 600 }) },
];

/** Values that break a field: wrong types, control characters, lone surrogates, huge and odd numbers, deep nesting. */
const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x'.repeat(6000), '25:00', '2026-13-45T99:00:00Z', 'Mars/Base', -1, 0.5, 1e309, Number.MAX_SAFE_INTEGER, '<script>', '__proto__'),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
);

async function expectRefusedWithoutWrites(response: Response, before: string): Promise<void> {
  expect(response.status, await response.clone().text()).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect((await response.json()).status).toBe(response.status);
  expect(await stack.snapshot()).toBe(before);
}

describe.each(endpoints)('$name refuses bad input and writes nothing', (endpoint) => {
  const invalid = (body: unknown) => !z.safeParse(endpoint.schema, body).success;

  it('any JSON value that is not a valid body', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }).filter(invalid), async (body) => {
      const before = await stack.snapshot();
      await expectRefusedWithoutWrites(await stack.call(endpoint.method, endpoint.path(), { as: endpoint.as, body }), before);
    }), { numRuns: 25 });
  });

  it('a valid body with one field broken, dropped or added', async () => {
    const key = fc.constantFrom(...Object.keys(endpoint.valid()), 'unexpected', 'constructor');
    const change = fc.oneof(
      fc.record({ key, value: junkValue }).map(({ key: k, value }) => ({ ...endpoint.valid(), [k]: value })),
      key.map((k) => { const body: Record<string, unknown> = endpoint.valid(); delete body[k]; return body; }),
    );
    await fc.assert(fc.asyncProperty(change.filter(invalid), async (body) => {
      const before = await stack.snapshot();
      await expectRefusedWithoutWrites(await stack.call(endpoint.method, endpoint.path(), { as: endpoint.as, body }), before);
    }), { numRuns: 40 });
  });

  it('a body that is not JSON', async () => {
    const notJson = fc.string({ maxLength: 60 }).filter((raw) => { try { JSON.parse(raw); return false; } catch { return true; } });
    await fc.assert(fc.asyncProperty(notJson, async (rawBody) => {
      const before = await stack.snapshot();
      await expectRefusedWithoutWrites(await stack.call(endpoint.method, endpoint.path(), { as: endpoint.as, rawBody }), before);
    }), { numRuns: 15 });
  });
});

describe('well-formed requests that break a rule write nothing either', () => {
  /** Instants never on a slot boundary (slots start on whole minutes). */
  const offGrid = fc.integer({ min: 0, max: 90 * 86_400 }).map((s) => new Date(Date.parse('2026-11-29T00:00:00Z') + s * 1000 + 1234).toISOString());

  it('POST /api/bookings at a time that is not an offered slot, or with an unknown expert', async () => {
    await fc.assert(fc.asyncProperty(offGrid, fc.constantFrom('u-ana', 'u-mikko', 'u-giulia', 'u-nobody', 'u-maria'), async (start, expertId) => {
      const before = await stack.snapshot();
      await expectRefusedWithoutWrites(await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId, start, topic: 'Off the grid' } }), before);
    }), { numRuns: 25 });
  });

  it('POST /api/bookings/:id/reschedule to a time that is not offered', async () => {
    await fc.assert(fc.asyncProperty(offGrid, async (start) => {
      const before = await stack.snapshot();
      await expectRefusedWithoutWrites(await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start } }), before);
    }), { numRuns: 20 });
  });

  it('a bad or unknown id in the path', async () => {
    const id = fc.oneof(fc.string({ maxLength: 50 }), fc.stringMatching(/^[a-z0-9]{1,40}$/)).filter((value) => value !== booking.id && !['aurora-ai', 'basalt-labs'].includes(value));
    await fc.assert(fc.asyncProperty(id, fc.constantFrom('cancel', 'reschedule', 'allowance'), async (value, action) => {
      const before = await stack.snapshot();
      const path = action === 'allowance' ? `/api/orgs/${encodeURIComponent(value)}/allowance` : `/api/bookings/${encodeURIComponent(value)}/${action}`;
      const body = action === 'allowance' ? { minutes: 60 } : action === 'cancel' ? {} : { start: offeredStart };
      await expectRefusedWithoutWrites(await stack.call(action === 'allowance' ? 'PUT' : 'POST', path, { as: action === 'allowance' ? AS.coord : AS.maria, body }), before);
    }), { numRuns: 30 });
  });

  it('a malformed Idempotency-Key on an otherwise bookable request', async () => {
    const key = fc.oneof(fc.constant(''), fc.stringMatching(/^[\x20-\x7e]{0,200}$/)).filter((value) => !/^[\x21-\x7e]{1,128}$/.test(value.trim()));
    await fc.assert(fc.asyncProperty(key, async (value) => {
      const before = await stack.snapshot();
      const response = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-ana', start: offeredStart, topic: 'Bookable' }, headers: { 'idempotency-key': value } });
      await expectRefusedWithoutWrites(response, before);
    }), { numRuns: 20 });
  });
});
