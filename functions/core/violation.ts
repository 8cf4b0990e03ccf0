/**
 * A broken business rule as the domain says it: a stable code, a sentence for people and the facts that go with
 * it (`field`, `from`, `to`). Nothing here knows HTTP: core/problem.ts maps each code to its status, title and
 * problem type (`/problems/<code>`), and the HTTP edge answers with that. Clients branch on the code.
 */
export type ViolationCode =
  // tickets
  | 'ticket.transition' // the status change is not one this role may make
  | 'ticket.closed' // a requester writes on a closed ticket
  | 'ticket.assignee' // the assignee is not an expert of the support centre
  | 'ticket.requester-change' // a requester changes something other than the status
  | 'ticket.close-not-opener' // a requester closes a ticket someone else of the organisation opened
  | 'ticket.assignment' // an expert assigns someone else, or releases a ticket someone else holds
  | 'ticket.internal-note' // a requester writes an internal note
  // mentoring
  | 'expert.unknown' // a booking names no expert
  | 'slot.not-offered' // the expert offers no session starting then
  | 'slot.taken' // another booking holds the slot
  | 'allowance.spent' // the organisation's quarterly minutes do not cover the session
  | 'booking.ticket' // the booking names a ticket of another organisation
  | 'booking.cutoff' // a requester changes a session too close to its start
  | 'booking.cancelled' // moving a cancelled booking
  | 'booking.same-time' // moving a booking to the time it already has
  | 'booking.changed' // the booking changed while this change was being made
  | 'booking.interrupted' // the booking's first attempt died before it completed
  // notifications
  | 'preferences.refused' // a kind that cannot be turned off, or does not reach the role; categories for requesters
  | 'mail.not-parked' // replaying an e-mail that is no longer parked
  // attachments
  | 'attachment.limit' // a ticket's files or bytes would pass the per-ticket limit
  | 'attachment.refused' // the stored file is not what it claims, not an allowed kind, or not the announced size
  | 'attachment.not-uploaded' // completing an attachment whose bytes never arrived
  | 'attachment.expired' // completing an upload past its deadline (its slot may have gone to another file)
  | 'attachment.removal' // removing someone else's attachment, or one's own on a closed ticket
  | 'attachment.unusable' // a message names an attachment that is not complete, of another ticket, or not the author's to share
  // any capability
  | 'idempotency.key-reused' // an Idempotency-Key sent again with a different request
  | 'busy'; // too many concurrent writes to one item: send the same request again

/** Thrown by domain rules and services; the HTTP edge turns it into problem+json. */
export class Violation extends Error {
  readonly code: ViolationCode;
  /** Facts about the violation, answered as extension members (`field`, `from`, `to`, `errors`). */
  readonly facts: Record<string, unknown>;
  constructor(code: ViolationCode, message: string, facts: Record<string, unknown> = {}) {
    super(message);
    this.name = 'Violation';
    this.code = code;
    this.facts = facts;
  }
}

export const violation = (code: ViolationCode, message: string, facts?: Record<string, unknown>): Violation =>
  new Violation(code, message, facts);
