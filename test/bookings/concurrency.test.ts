import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from './support.ts';

let stack: BookingStack;
beforeAll(async () => { stack = await startBookingStack(); });
afterAll(() => stack.close());

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();
const count = (values: number[], value: number) => values.filter((v) => v === value).length;

describe('no double booking', () => {
  it('50 parallel bookings of one slot: one 201, 49 × 409, one booking stored, minutes charged once', async () => {
    // Enough minutes for every attempt to reach the slot write, so the slot alone decides.
    await stack.setAllowance('aurora-ai', 10_000);
    await stack.setAllowance('basalt-labs', 10_000);
    const before = { aurora: (await stack.allowance('aurora-ai')).used, basalt: (await stack.allowance('basalt-labs')).used };
    const slot = await stack.takeSlot('u-ana');
    const requesters = [AS.maria, AS.jonas, AS.lea];
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => stack.call('POST', '/api/bookings', {
      as: requesters[i % requesters.length], body: { expertId: 'u-ana', start: slot.start, topic: `Attempt ${i}` },
    })));
    const codes = statuses(responses);
    expect(count(codes, 201)).toBe(1);
    expect(count(codes, 409)).toBe(49);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    const winner = await stack.json(responses.find((r) => r.status === 201)!);
    const all = (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as: AS.coord }))).items;
    expect(all.filter((b: any) => b.expertId === 'u-ana' && b.start === slot.start)).toHaveLength(1);
    const after = { aurora: (await stack.allowance('aurora-ai')).used, basalt: (await stack.allowance('basalt-labs')).used };
    expect(after.aurora - before.aurora + after.basalt - before.basalt).toBe(60);
    expect(winner.orgId === 'aurora-ai' ? after.aurora - before.aurora : after.basalt - before.basalt).toBe(60);
    await stack.expectConsistent();
  });
});

describe('allowance', () => {
  it('60 minutes left and 10 parallel 60-minute bookings: exactly one succeeds, the counter ends at the allowance', async () => {
    const { used } = await stack.allowance('aurora-ai');
    await stack.setAllowance('aurora-ai', used + 60);
    const slots = await Promise.all(Array.from({ length: 10 }, () => stack.takeSlot('u-ana')));
    const responses = await Promise.all(slots.map((slot, i) => stack.call('POST', '/api/bookings', {
      as: i % 2 ? AS.maria : AS.jonas, body: { expertId: 'u-ana', start: slot.start, topic: `Parallel ${i}` },
    })));
    const codes = statuses(responses);
    expect(count(codes, 201)).toBe(1);
    expect(count(codes, 422)).toBe(9);
    const after = await stack.allowance('aurora-ai');
    expect(after.used).toBe(after.minutes);
    expect(after.remaining).toBe(0);
    await stack.expectConsistent();
    await stack.setAllowance('aurora-ai', 10_000);
  });
});

describe('reschedule under a concurrent booking of the target slot', () => {
  it('leaves the requester with exactly one booking, and the target slot with exactly one', async () => {
    for (let round = 0; round < 6; round++) {
      const mine = await stack.book(AS.maria, 'u-giulia', { topic: `Round ${round}` });
      const target = await stack.takeSlot('u-giulia');
      const [moved, rival] = await Promise.all([
        stack.call('POST', `/api/bookings/${mine.id}/reschedule`, { as: AS.maria, body: { start: target.start } }),
        stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-giulia', start: target.start, topic: `Rival ${round}` } }),
      ]);
      expect([moved.status, rival.status].sort()).toEqual(moved.status === 200 ? [200, 409] : [201, 409]);
      const all = (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as: AS.coord }))).items as any[];
      const ofMine = all.filter((b) => b.id === mine.id);
      expect(ofMine).toHaveLength(1);
      expect(ofMine[0].start).toBe(moved.status === 200 ? target.start : mine.start);
      expect(all.filter((b) => b.expertId === 'u-giulia' && b.start === target.start)).toHaveLength(1);
      await stack.expectConsistent();
    }
  });
});
