import type { Booking } from '../../bookings/domain/model.ts';
import type { Ticket } from '../../tickets/domain/model.ts';

/** The ticket fields notifications use (never the body or messages: e-mails carry a link, not the content). */
export type TicketFacts = Pick<Ticket,
  'id' | 'reference' | 'subject' | 'orgId' | 'requesterId' | 'requesterName' | 'category' | 'priority' | 'status'
  | 'assigneeId' | 'assigneeName' | 'createdAt' | 'firstResponseAt' | 'events'>;

/** The booking fields notifications use: enough to write the calendar invitation. */
export type BookingFacts = Booking;

export type BookingChange = 'confirmed' | 'rescheduled' | 'cancelled';
export type ReminderLead = '24h' | '1h';
export type SlaTargetName = 'firstResponse' | 'resolution';
export type EscalationStage = 'warning' | 'breach';

/**
 * Something that happened and may be worth an e-mail. `eventId` is stable however often the event is derived
 * (stream retries, the local feed's overlap, repeated sweeps): deliveries are keyed by it.
 */
export type DomainEvent =
  | { type: 'ticketCreated'; eventId: string; ticket: TicketFacts }
  | { type: 'ticketReply'; eventId: string; ticket: TicketFacts; actorId: string; actorName: string }
  | { type: 'ticketResolved'; eventId: string; ticket: TicketFacts; actorId: string; actorName: string }
  | { type: 'bookingChanged'; eventId: string; change: BookingChange; booking: BookingFacts }
  | { type: 'sessionReminder'; eventId: string; lead: ReminderLead; booking: BookingFacts }
  | { type: 'slaEscalation'; eventId: string; stage: EscalationStage; target: SlaTargetName; due: string; ticket: TicketFacts };
