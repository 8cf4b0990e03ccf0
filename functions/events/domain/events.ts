import type { Booking } from '../../bookings/domain/model.ts';
import type { Ticket } from '../../tickets/domain/model.ts';

/** The ticket fields an event carries (never the body or messages: consumers link to a ticket, not its content). */
export type TicketFacts = Pick<Ticket,
  'id' | 'reference' | 'subject' | 'orgId' | 'requesterId' | 'requesterName' | 'category' | 'priority' | 'status'
  | 'assigneeId' | 'assigneeName' | 'createdAt' | 'firstResponseAt' | 'events'>;

/** The booking fields an event carries: enough to write the calendar invitation. */
export type BookingFacts = Booking;

export type BookingChange = 'confirmed' | 'rescheduled' | 'cancelled';

/**
 * Something that happened to a ticket or a booking, derived from a change of its item. `eventId` is stable
 * however often the event is derived (stream retries, the local feed's overlap): consumers key their own
 * once-only records by it.
 */
export type DomainEvent =
  | { type: 'ticketCreated'; eventId: string; ticket: TicketFacts }
  | { type: 'ticketReply'; eventId: string; ticket: TicketFacts; actorId: string; actorName: string; messageId?: string }
  | { type: 'ticketResolved'; eventId: string; ticket: TicketFacts; actorId: string; actorName: string }
  /** Routing's choice at creation (actor `routing`), or a person's (re)assignment; `from`/`to` are expert ids or null. */
  | { type: 'ticketAssigned'; eventId: string; ticket: TicketFacts; actorId: string; actorName: string; from: string | null; to: string | null; reason: string }
  | { type: 'bookingChanged'; eventId: string; change: BookingChange; booking: BookingFacts };
