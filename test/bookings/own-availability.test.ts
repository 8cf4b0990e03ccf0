import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from './support.ts';

/** GET /api/experts/me/availability: what the availability editor starts from. */
let stack: BookingStack;
beforeAll(async () => { stack = await startBookingStack(); });
afterAll(async () => { await stack?.close(); });

describe('an expert reads the availability they published', () => {
  it('returns the seeded availability, then what was stored last', async () => {
    const seeded = await stack.call('GET', '/api/experts/me/availability', { as: AS.ana });
    expect(seeded.status).toBe(200);
    expect(seeded.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await stack.json(seeded)).toMatchObject({ timeZone: 'Europe/Madrid', slotMinutes: 60 });

    const next = { timeZone: 'europe/lisbon', slotMinutes: 45, weekly: [{ day: 'tue', start: '10:00', end: '12:00' }], exceptions: [{ date: '2027-01-05' }], bufferMinutes: 5, noticeHours: 12, horizonDays: 30 };
    expect((await stack.call('PUT', '/api/experts/me/availability', { as: AS.ana, body: next })).status).toBe(200);
    const stored = await stack.json(await stack.call('GET', '/api/experts/me/availability', { as: AS.ana }));
    expect(stored).toEqual({ ...next, timeZone: 'Europe/Lisbon' });
  });

  it('is 401 without a token, 403 for requesters and coordinators, 404 before an expert published any', async () => {
    expect((await stack.call('GET', '/api/experts/me/availability')).status).toBe(401);
    expect((await stack.call('GET', '/api/experts/me/availability', { as: AS.maria })).status).toBe(403);
    expect((await stack.call('GET', '/api/experts/me/availability', { as: AS.coord })).status).toBe(403);
    const user = { id: 'u-newexpert', email: 'new@support.example', name: 'New Expert', role: 'expert' as const };
    const token = await stack.server.idp.tokenFor(user);
    const missing = await stack.call('GET', '/api/experts/me/availability', { token });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json');
  });
});
