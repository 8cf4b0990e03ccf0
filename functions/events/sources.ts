import type { BookingFacts, TicketFacts } from './domain/events.ts';

/** What the local change feed reads: items changed since a time (DynamoDB Streams does this in AWS). */
export interface ChangeSource {
  /** Tickets whose last activity is at or after `since`. */
  ticketsChangedSince(since: string): Promise<TicketFacts[]>;
  /** Booked or cancelled sessions ending after `since` whose record changed at or after `since`. */
  bookingsChangedSince(since: string): Promise<BookingFacts[]>;
}

/** Where the feed keeps how far it has read. */
export interface CheckpointStore {
  getCheckpoint(name: string): Promise<string | undefined>;
  setCheckpoint(name: string, value: string): Promise<void>;
}
