import type { Attachment } from './domain/model.ts';
import type { Reservation } from './domain/slots.ts';

export interface TicketFacts {
  orgId: string;
  status: import('../tickets/domain/model.ts').TicketStatus;
}

/** The attachments' storage port (the DynamoDB adapter in AWS and locally). */
export interface AttachmentStore {
  /** The ticket an attachment belongs to (its organisation and status), read through the tickets' keys. */
  ticket(ticketId: string): Promise<TicketFacts | undefined>;
  /** The id of the ticket with this number (`HD-1005` names 1005); undefined when there is none. */
  ticketIdOfNumber(number: number): Promise<string | undefined>;
  /**
   * Takes one file of `size` bytes on the ticket's counter with a pending reservation (domain/slots.ts), in one
   * conditional write; false when a per-ticket limit would be passed.
   */
  reserve(ticketId: string, reservation: Required<Reservation>): Promise<boolean>;
  /** The complete attachment keeps its slot (the reservation is no longer reclaimable); false when it was given back. */
  hold(ticketId: string, id: string): Promise<boolean>;
  /**
   * Gives back a reservation, only if it is still in `state` (pending: and, with `expiredBefore`, past its
   * `until`): the slot and the ledger line go in one conditional write, so a retried or concurrent release of
   * the same reservation gives nothing back twice. True when this release (or an earlier attempt of it) took it.
   */
  release(ticketId: string, reservation: Pick<Reservation, 'id' | 'size'>, state: 'pending' | 'held', expiredBefore?: string): Promise<boolean>;
  /** The ticket's reservations, pending and held. */
  reservations(ticketId: string): Promise<Reservation[]>;
  /** false when an attachment with this id exists already. */
  create(attachment: Attachment, ttlEpochSeconds: number): Promise<boolean>;
  get(ticketId: string, id: string): Promise<Attachment | undefined>;
  list(ticketId: string): Promise<Attachment[]>;
  /** Marks a pending attachment complete with what was found; false when it was no longer pending. */
  complete(ticketId: string, id: string, found: Pick<Attachment, 'kind' | 'contentType' | 'completedAt' | 'secrets'>): Promise<boolean>;
  /** Drops a pending attachment (refused, or its link expired before `expiredBefore`); false when it was not pending. */
  dropPending(ticketId: string, id: string, expiredBefore?: string): Promise<boolean>;
  /** Marks a complete attachment removed; false when it was not complete. */
  markRemoved(ticketId: string, id: string, by: { id: string; name: string }, at: string): Promise<boolean>;
  /** Links complete attachments to the message that carries them; false when one was no longer linkable. */
  linkToMessage(ticketId: string, ids: readonly string[], messageId: string): Promise<boolean>;
}
