import { bookingKey } from '../bookings/keys.ts';
import { ANY, type KeySpace } from '../core/table.ts';
import { ticketKey } from '../tickets/keys.ts';

/** Where the local change feed keeps how far it has read (one item per feed). */
export const checkpointKey = (name: string) => ({ pk: 'EVENTS#FEED', sk: name });

export function eventsKeySpace(): KeySpace {
  return { module: 'events', items: [checkpointKey(ANY)], partitions: {} };
}

/**
 * The sort keys of the items whose changes carry events (tickets and bookings): the stream's event-source filter
 * lets only these through, so a consumer's own records never wake the handler (the ticket counter, which shares
 * the ticket's sort key, does, and yields no event).
 */
export const eventSourceSortKeys = (): string[] => [ticketKey(ANY).sk, bookingKey(ANY).sk];
