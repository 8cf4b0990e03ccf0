import { ANY, type KeySpace } from '../core/table.ts';
import type { DeliveryState } from './store.ts';

/** Where the notifier's items live. */
export const deliveryKey = (id: string) => ({ pk: `NOTIFY#DELIVERY#${id}`, sk: 'DELIVERY' });
/** In the user's partition (beside the directory's `PROFILE`), so a user's settings sit with them. */
export const preferencesKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'NOTIFY#PREFERENCES' });
export const followKey = (category: string, userId: string) => ({ pk: `NOTIFY#FOLLOW#${category}`, sk: `USER#${userId}` });
export const audienceKey = (eventId: string) => ({ pk: `NOTIFY#AUDIENCE#${eventId}`, sk: 'AUDIENCE' });

/** Deliveries that need someone (the sweep, a coordinator) sit in one gsi1 partition per state; sent ones leave the index. */
export const DELIVERY_STATE_PARTITION: Partial<Record<DeliveryState, string>> = {
  sending: 'NOTIFY#SENDING', failed: 'NOTIFY#FAILED', parked: 'NOTIFY#PARKED', queued: 'NOTIFY#QUEUED',
};

export function notifyKeySpace(): KeySpace {
  return {
    module: 'notify',
    items: [deliveryKey(ANY), preferencesKey(ANY), followKey(ANY, ANY), audienceKey(ANY)],
    partitions: { gsi1: Object.values(DELIVERY_STATE_PARTITION) },
  };
}
