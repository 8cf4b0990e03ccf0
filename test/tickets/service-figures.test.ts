import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';

const clock = fixedClock('2026-11-02T08:00:00.000Z');
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true, clock }); });
afterAll(async () => { await stack?.close(); });

describe('service figures over the API', () => {
  it('reflects a ticket answered and a deflection recorded, and counts a retried deflection once', async () => {
    const before = await (await stack.call('GET', '/api/stats?days=30', { as: AS.coord })).json();
    const ticket = await openTicket(stack, AS.lea, { system: 'Karolina' });
    clock.advance(2 * 3_600_000);
    await stack.call('POST', `/api/tickets/${ticket.id}/messages`, { as: AS.giulia, body: { body: 'Have you tried `--gpus-per-node=8`?' } });
    for (let i = 0; i < 2; i++) {
      const recorded = await stack.call('POST', '/api/deflections', { as: AS.lea, body: { guide: 'slurm-basics' }, headers: { 'idempotency-key': 'defl-1' } });
      expect(recorded.status).toBe(201);
    }
    const after = await (await stack.call('GET', '/api/stats?days=30', { as: AS.coord })).json();
    expect(after.backlog.total).toBe(before.backlog.total + 1);
    expect(after.backlog.bySystem.Karolina).toBe((before.backlog.bySystem.Karolina ?? 0) + 1);
    expect(after.firstResponse.count).toBe(before.firstResponse.count + 1);
    expect(after.deflections.count).toBe(before.deflections.count + 1);
    expect(after.deflections.topGuides[0]).toEqual({ guide: 'slurm-basics', count: 1 });
  });

  it('counts a deflection once per requester, guide and day, and only for guides that exist', async () => {
    const before = (await (await stack.call('GET', '/api/stats?days=30', { as: AS.coord })).json()).deflections.count;
    for (let i = 0; i < 5; i++) expect((await stack.call('POST', '/api/deflections', { as: AS.jonas, body: { guide: 'python-envs' } })).status).toBe(201);
    expect((await stack.call('POST', '/api/deflections', { as: AS.maria, body: { guide: 'python-envs' } })).status).toBe(201);
    const unknown = await stack.call('POST', '/api/deflections', { as: AS.jonas, body: { guide: 'this-guide-does-not-exist' } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].field).toBe('guide');
    clock.advance(24 * 3_600_000);
    await stack.call('POST', '/api/deflections', { as: AS.jonas, body: { guide: 'python-envs' } });
    const after = (await (await stack.call('GET', '/api/stats?days=30', { as: AS.coord })).json()).deflections.count;
    expect(after).toBe(before + 3);
  });

  it('refuses a window outside 1 to 365 days', async () => {
    expect((await stack.call('GET', '/api/stats?days=0', { as: AS.coord })).status).toBe(400);
    expect((await stack.call('GET', '/api/stats?days=400', { as: AS.coord })).status).toBe(400);
  });
});
