import type { BookingFacts, TicketFacts } from './domain/events.ts';

/** What the local change feed reads: items changed since a time (DynamoDB Streams does this in AWS). */
export interface ChangeSource {
  /** Tickets whose last activity is at or after `since`. */
  ticketsChangedSince(since: string): Promise<TicketFacts[]>;
  /** Booked or cancelled sessions ending after `since` whose record changed at or after `since`. */
  bookingsChangedSince(since: string): Promise<BookingFacts[]>;
}

/** What the sweep reads, all by index queries. */
export interface SweepSource {
  /** Tickets whose SLA clocks may be running (status new or open). */
  ticketsWithRunningClocks(): Promise<TicketFacts[]>;
  /** Booked sessions ending in (from, to]. */
  bookedSessionsEndingBetween(from: string, to: string): Promise<BookingFacts[]>;
  /** The booking as it is now (consistent read). */
  getBooking(id: string): Promise<BookingFacts | undefined>;
}
