import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

// The outside review's cursors: well-formed JSON with the listing's partition, but a key DynamoDB refuses
// (a sort key over its size limit, or one outside the listing's key range). The caller's fault: 400, never 500.
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const encode = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString('base64url');
const long = 'x'.repeat(1_400);

async function expectCursorRefused(path: string, as: string, key: Record<string, unknown>) {
  const response = await stack.call('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${encode(key)}`, { as });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(400);
  expect(body.errors?.[0]?.field).toBe('cursor');
}

describe('a tampered cursor', () => {
  it('GET /api/tickets: an oversized sort key is a 400 naming the cursor', async () => {
    await expectCursorRefused('/api/tickets', AS.maria, { pk: 'TICKET#x', sk: 'TICKET', gsi1pk: 'ORG#aurora-ai#TICKETS', gsi1sk: long });
    await expectCursorRefused('/api/tickets', AS.coord, { pk: 'TICKET#x', sk: long, gsi5pk: 'TICKETS', gsi5sk: '2026-01-01' });
    await expectCursorRefused('/api/tickets', AS.coord, { pk: long.repeat(2), sk: 'TICKET', gsi5pk: 'TICKETS', gsi5sk: '2026-01-01' });
  });

  it('GET /api/bookings: an oversized key, or a past listing\'s key that lies in the future, is a 400', async () => {
    await expectCursorRefused('/api/bookings?filter=upcoming', AS.maria,
      { pk: 'BOOKING#x', sk: 'BOOKING', gsi3pk: 'BOOKINGS#ORG#aurora-ai#booked', gsi3sk: long, filter: 'upcoming' });
    await expectCursorRefused('/api/bookings?filter=past', AS.maria,
      { pk: 'BOOKING#x', sk: 'BOOKING', gsi3pk: 'BOOKINGS#ORG#aurora-ai#booked', gsi3sk: '2999-01-01T00:00:00.000Z', filter: 'past' });
  });

  it('GET /api/notifications/parked: an oversized sort key is a 400', async () => {
    await expectCursorRefused('/api/notifications/parked', AS.coord, { pk: 'DELIVERY#x', sk: 'DELIVERY', gsi1pk: 'NOTIFY#PARKED', gsi1sk: long });
  });

  it('a real cursor still pages (the control case)', async () => {
    const first = await stack.call('GET', '/api/tickets?limit=1', { as: AS.coord });
    const { cursor } = await first.json();
    expect(cursor).toBeTruthy();
    expect((await stack.call('GET', `/api/tickets?limit=1&cursor=${cursor}`, { as: AS.coord })).status).toBe(200);
  });
});
