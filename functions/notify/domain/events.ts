import type { BookingFacts, DomainEvent, TicketFacts } from '../../events/domain/events.ts';

export type ReminderLead = '24h' | '1h';
export type SlaTargetName = 'firstResponse' | 'resolution';
export type EscalationStage = 'warning' | 'breach';

/**
 * What may be worth an e-mail: the table's domain events, and what the sweep derives from time passing
 * (reminders, SLA escalation). Deliveries are keyed by `eventId`, stable however often an event is derived.
 */
export type NotifyEvent =
  | DomainEvent
  | { type: 'sessionReminder'; eventId: string; lead: ReminderLead; booking: BookingFacts }
  | { type: 'slaEscalation'; eventId: string; stage: EscalationStage; target: SlaTargetName; due: string; ticket: TicketFacts }
  /** The ticket falls due (`due`) while its assignee is away (until `until`). */
  | { type: 'ticketAtRisk'; eventId: string; due: string; until: string; ticket: TicketFacts };
