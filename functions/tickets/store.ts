import type { Deflection } from './domain/figures.ts';
import type { Message, Priority, Ticket, TicketCategory, TicketStatus } from './domain/model.ts';

export interface TicketQuery {
  orgId?: string;
  statuses?: TicketStatus[];
  priorities?: Priority[];
  categories?: TicketCategory[];
  /** A user id, or "none" for unassigned. */
  assignee?: string;
  requesterId?: string;
  system?: string;
  /** Created on or after / before these instants (ISO). */
  createdFrom?: string;
  createdBefore?: string;
  /** Lower-case words that must all appear in the subject. */
  words?: string[];
  number?: number;
  limit: number;
  cursor?: string;
}

export interface TicketPage {
  items: Ticket[];
  cursor?: string;
}

/** A ticket item may carry the fingerprint of the request that created it (idempotent retries). */
export type StoredTicket = Ticket & { requestFingerprint?: string };

/** The tickets' storage port; the DynamoDB adapter is the one implementation, in AWS and locally. */
export interface TicketStore {
  nextNumber(): Promise<number>;
  /** false when an item with this id exists already. */
  create(ticket: StoredTicket): Promise<boolean>;
  get(id: string): Promise<StoredTicket | undefined>;
  /** The id of the ticket with this number (the reference index, gsi6). */
  idOfNumber(number: number): Promise<string | undefined>;
  getWithMessages(id: string): Promise<{ ticket: StoredTicket; messages: Message[] } | undefined>;
  /** false when the stored version is no longer `expectedVersion`. */
  replace(ticket: Ticket, expectedVersion: number): Promise<boolean>;
  /** false when a message with this id exists already. */
  addMessage(message: Message): Promise<boolean>;
  getMessage(ticketId: string, messageId: string): Promise<Message | undefined>;
  list(query: TicketQuery): Promise<TicketPage>;
  /** Every ticket open now or with activity since `since` (for the service figures). */
  listForFigures(since: string): Promise<Ticket[]>;
  /** false when a deflection with this id was recorded already. */
  recordDeflection(deflection: Deflection): Promise<boolean>;
  listDeflectionsSince(since: string): Promise<Deflection[]>;
}
