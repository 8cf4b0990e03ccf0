import type { BookingFacts, TicketFacts } from '../events/domain/events.ts';

/** What the sweep reads, all by index queries. */
export interface SweepSource {
  /** Tickets whose SLA clocks may be running (status new or open). */
  ticketsWithRunningClocks(): Promise<TicketFacts[]>;
  /** Booked sessions ending in (from, to]. */
  bookedSessionsEndingBetween(from: string, to: string): Promise<BookingFacts[]>;
  /** The booking as it is now (consistent read). */
  getBooking(id: string): Promise<BookingFacts | undefined>;
}
