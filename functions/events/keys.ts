import { bookingKey } from '../bookings/keys.ts';
import { ANY, type KeySpace } from '../core/table.ts';
import { ticketKey } from '../tickets/keys.ts';

/** Where the local change feed keeps how far it has read (one item per feed). */
export const checkpointKey = (name: string) => ({ pk: 'EVENTS#FEED', sk: name });

export const EVENTS_KEY_SPACE: KeySpace = { module: 'events', items: [checkpointKey(ANY)], partitions: {} };

/**
 * The sort keys of the items whose changes carry events (tickets and bookings): the stream's event-source filter
 * lets only these through, so other writes (a consumer's own records included) never wake the handler.
 */
export const EVENT_SOURCE_SORT_KEYS: readonly string[] = [ticketKey(ANY).sk, bookingKey(ANY).sk];
