import { ANY, type KeySpace } from '../core/table.ts';

/** Where the local change feed keeps how far it has read (one item per feed). */
export const checkpointKey = (name: string) => ({ pk: 'EVENTS#FEED', sk: name });

export const EVENTS_KEY_SPACE: KeySpace = { module: 'events', items: [checkpointKey(ANY)], partitions: {} };
