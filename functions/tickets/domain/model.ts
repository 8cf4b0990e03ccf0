import type { Priority, SystemName, TicketCategory } from '../../core/catalog.ts';
import type { Role } from '../../core/principal.ts';

export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export { PRIORITIES, TICKET_CATEGORIES, type Priority, type TicketCategory } from '../../core/catalog.ts';

export type TicketEventType = 'created' | 'status' | 'assigned' | 'priority' | 'category' | 'reply' | 'note';

/** One entry of the audit trail. Kept inside the ticket item so a change and its record are one write. */
export interface TicketEvent {
  at: string;
  type: TicketEventType;
  actorId: string;
  actorName: string;
  from?: string | null;
  to?: string | null;
  messageId?: string;
}

export interface Ticket {
  id: string;
  number: number;
  reference: string;
  orgId: string;
  requesterId: string;
  requesterName: string;
  subject: string;
  body: string;
  category: TicketCategory;
  priority: Priority;
  system?: SystemName;
  projectId?: string;
  jobId?: string;
  status: TicketStatus;
  assigneeId?: string | null;
  assigneeName?: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  /** Public messages (what the requester sees). */
  messageCount: number;
  /** Internal notes, for staff only. */
  noteCount?: number;
  version: number;
  events: TicketEvent[];
}

export interface Message {
  id: string;
  ticketId: string;
  authorId: string;
  authorName: string;
  authorRole: Role;
  body: string;
  internal: boolean;
  createdAt: string;
  /** Files sent with the message (functions/attachments). */
  attachmentIds?: string[];
}

export function ticketReference(number: number): string {
  return `HD-${number}`;
}
