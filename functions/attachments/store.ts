import type { Attachment } from './domain/model.ts';

export interface TicketFacts {
  orgId: string;
  status: import('../tickets/domain/model.ts').TicketStatus;
}

/** The attachments' storage port (the DynamoDB adapter in AWS and locally). */
export interface AttachmentStore {
  /** The ticket an attachment belongs to (its organisation and status), read through the tickets' keys. */
  ticket(ticketId: string): Promise<TicketFacts | undefined>;
  /** Reserves one file of `size` bytes on the ticket's counter; false when a per-ticket limit would be passed. */
  reserve(ticketId: string, size: number): Promise<boolean>;
  /** Gives back what `reserve` took (a refused, expired or removed file). */
  release(ticketId: string, size: number): Promise<void>;
  /** false when an attachment with this id exists already. */
  create(attachment: Attachment, ttlEpochSeconds: number): Promise<boolean>;
  get(ticketId: string, id: string): Promise<Attachment | undefined>;
  list(ticketId: string): Promise<Attachment[]>;
  /** Marks a pending attachment complete with what was found; false when it was no longer pending. */
  complete(ticketId: string, id: string, found: Pick<Attachment, 'kind' | 'contentType' | 'completedAt' | 'secrets'>): Promise<boolean>;
  /** Drops a pending attachment (refused, or its upload link expired before `now`); false when it was not pending. */
  dropPending(ticketId: string, id: string, expiredBefore?: string): Promise<boolean>;
  /** Marks a complete attachment removed; false when it was not complete. */
  markRemoved(ticketId: string, id: string, by: { id: string; name: string }, at: string): Promise<boolean>;
  /** Links complete attachments to the message that carries them; false when one was no longer linkable. */
  linkToMessage(ticketId: string, ids: readonly string[], messageId: string): Promise<boolean>;
}
