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
  /** Why the ticket went to whom (on `assigned`): routing's words, or who assigned it. */
  reason?: string;
}

/** How the ticket got its current assignee: routing's reason, or the person who assigned it. */
export interface AssignmentNote {
  reason: string;
  auto: boolean;
  at: string;
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
  /** A knowledge-base topic (content/topics.ts) the requester named; routing prefers experts of it. */
  topic?: string;
  projectId?: string;
  jobId?: string;
  status: TicketStatus;
  assigneeId?: string | null;
  assigneeName?: string | null;
  assignment?: AssignmentNote;
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

/** The ticket number a reference names: `HD-1005`, `hd-1005` or `1005`; undefined for anything else (an id). */
export function numberOfReference(value: string): number | undefined {
  const match = /^(?:hd-)?(\d{1,9})$/i.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}
