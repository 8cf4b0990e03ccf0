import type { BookingChange, BookingFacts, TicketFacts } from '../../events/domain/events.ts';
import type { ReminderLead, SlaTargetName } from './events.ts';
import type { NotificationKind } from './kinds.ts';
import type { TicketCategory } from '../../core/catalog.ts';
import type { UserRecord } from '../../core/users.ts';

/** What a message says about a ticket: its reference, subject and link (a reply's mail adds its public conversation). */
export type TicketRef = Pick<TicketFacts, 'id' | 'reference' | 'subject' | 'category' | 'priority' | 'requesterName'>;

export type Side = 'requester' | 'expert';

/** A file sent with a reply: named and linked in the mail, never attached to it. */
export interface NoticeFile {
  id: string;
  filename: string;
  size: number;
  /** Text opens in the log viewer; anything else on the ticket's page. */
  text: boolean;
}

/** A public message quoted in a reply's mail (never an internal note: only `reply` entries are read). */
export interface QuotedMessage {
  authorName: string;
  at: string;
  /** Markdown as written (shortened when long). */
  body: string;
}

/** A ticket mail's reply addresses (domain/reply-addresses.ts): `replyTo` its Reply-To, `noteTo` staff's internal-note address. */
export interface ReplyAddresses {
  replyTo?: string;
  noteTo?: string;
}

/** The input of one template: plain data, stored with the delivery so a parked message can be rendered again. */
export type Notice = ReplyAddresses & (
  /** A reply's mail carries the reply (`message`) and the public messages before it, newest first (`earlier`). */
  | { template: 'expertReply' | 'requesterReply' | 'resolved'; ticket: TicketRef; actorName: string; files?: NoticeFile[]; message?: QuotedMessage; earlier?: QuotedMessage[] }
  | { template: 'newTicket'; ticket: TicketRef }
  /** To the requester: who has it (null: the team) and when the first response is due, in `timeZone`. */
  | { template: 'acknowledgement'; ticket: TicketRef; assigneeName: string | null; due: string; timeZone: string }
  /** To the new assignee (`assigned`), or to coordinators when routing found nobody (`unassigned`). */
  | { template: 'assigned' | 'unassigned'; ticket: TicketRef; reason: string }
  /** To coordinators: the ticket falls due while its assignee is away. */
  | { template: 'atRisk'; ticket: TicketRef; assigneeName: string | null; due: string; until: string }
  /** To the previous assignee. */
  | { template: 'reassignedAway'; ticket: TicketRef; actorName: string; assigneeName: string | null; /** the actor took it themselves */ taken?: boolean }
  | { template: 'slaWarning' | 'slaBreach'; ticket: TicketRef; target: SlaTargetName; due: string }
  /** `orgName`: the requester's organisation as people know it (older stored notices have none: the id is shown). */
  | { template: 'booking'; change: BookingChange; side: Side; booking: BookingFacts; orgName?: string }
  | { template: 'reminder'; lead: ReminderLead; side: Side; booking: BookingFacts; orgName?: string });

/** One message owed to one person for one event. */
export interface Delivery {
  eventId: string;
  kind: NotificationKind;
  /** For `newTicket`: the category the recipient must follow. */
  category?: TicketCategory;
  /** The organisation the event is about: only its members and staff may receive it. */
  orgId: string;
  recipientId: string;
  /** Who to write to when the directory does not know the recipient (a booking carries both parties' addresses). */
  fallback?: UserRecord;
  notice: Notice;
}

export function ticketRef(ticket: TicketFacts): TicketRef {
  const { id, reference, subject, category, priority, requesterName } = ticket;
  return { id, reference, subject, category, priority, requesterName };
}
