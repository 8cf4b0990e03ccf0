/** What bookings need to know of tickets: whose a ticket is (a booking may name one of its organisation's). */
export interface TicketOwnership {
  orgOf(ticketId: string): Promise<string | undefined>;
}
