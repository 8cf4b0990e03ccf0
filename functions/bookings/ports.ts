/** What bookings need to know of tickets: whose a ticket is (a booking may name one of its organisation's). */
export interface TicketOwnership {
  /** The ticket an id or a reference (HD-1005, hd-1005, 1005) names, with its organisation. */
  find(idOrReference: string): Promise<{ id: string; orgId: string } | undefined>;
}
