import type { Clock } from '../../functions/core/clock.ts';
import { AS, type TestStack } from './stack.ts';

export interface Slot {
  start: string;
  end: string;
}

const DAY = 86_400_000;

/**
 * Free slots of each expert from a week ahead to `untilDays` ahead, read once (as the coordinator) and handed out
 * one at a time, so tests never collide on one by accident.
 */
export function slotDealer(stack: Pick<TestStack, 'call'>, clock: Clock, untilDays: number): (expertId: string) => Promise<Slot> {
  const pools = new Map<string, Slot[]>();
  return async (expertId) => {
    if (!pools.has(expertId)) {
      const from = new Date(clock.now().getTime() + 7 * DAY).toISOString();
      const to = new Date(clock.now().getTime() + untilDays * DAY).toISOString();
      const response = await stack.call('GET', `/api/experts/${expertId}/slots?from=${from}&to=${to}`, { as: AS.coord });
      pools.set(expertId, JSON.parse(await response.text()).slots);
    }
    const slot = pools.get(expertId)!.shift();
    if (!slot) throw new Error(`no free slot left for ${expertId}`);
    return slot;
  };
}
