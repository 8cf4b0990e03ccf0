import type { OrganisationNames } from '../core/organisations.ts';
import type { UserRecord, UserDirectory } from '../core/users.ts';
import type { BookingFacts, TicketFacts } from '../events/domain/events.ts';
import { computeSla, DEFAULT_SLA_RULES, type SlaRules } from '../tickets/domain/sla.ts';
import type { Conversation } from './conversation.ts';
import type { NotifyEvent } from './domain/events.ts';
import type { NotificationKind } from './domain/kinds.ts';
import { ticketRef, type Delivery, type Notice, type NoticeFile, type Side } from './domain/notice.ts';

export interface AudienceDeps {
  users: UserDirectory;
  /** Users following new tickets in a category. */
  followers(category: string): Promise<string[]>;
  /** The files a public message carries (functions/attachments); none when absent. */
  filesOf?(ticketId: string, messageId: string): Promise<NoticeFile[]>;
  /** The calendar and SLA policy (the acknowledgement's expected first response). */
  slaRules?: () => Promise<SlaRules>;
  /** A public reply and the public messages before it, for its mail; without it the mail names the reply only. */
  conversationOf?(ticket: TicketFacts, messageId: string): Promise<Conversation>;
  /** An organisation's name, as the booking e-mails name the requester's (its id when it has none). */
  organisationName?: OrganisationNames;
}

/**
 * Whom routing gave the ticket at creation, and why: its `assigned` entry by `routing`. Read from the history, not
 * the current assignee, so a feed that sees the ticket after someone took it decides as the stream would.
 */
function routedAtCreation(ticket: TicketFacts): { to: string | null; reason: string } {
  const entry = ticket.events.find((e) => e.type === 'assigned' && e.actorId === 'routing');
  return entry ? { to: entry.to ?? null, reason: entry.reason ?? '' } : { to: ticket.assigneeId ?? null, reason: 'auto-assignment did not run' };
}

function bookingParty(booking: BookingFacts, side: Side): { recipientId: string; fallback: UserRecord } {
  return side === 'requester'
    ? { recipientId: booking.requesterId, fallback: { id: booking.requesterId, email: booking.requesterEmail, name: booking.requesterName, role: 'requester', orgId: booking.orgId } }
    : { recipientId: booking.expertId, fallback: { id: booking.expertId, email: booking.expertEmail, name: booking.expertName, role: 'expert' } };
}

/**
 * Who is told about an event, and what. Recipients come only from the event's own ticket or booking (its
 * requester, assignee, expert), from staff (followers, coordinators), never from anywhere else; the delivery
 * step checks again that each is staff or a member of `orgId`. The actor is not told about their own action.
 */
export async function deliveriesFor(event: NotifyEvent, deps: AudienceDeps): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const add = (recipientId: string | null | undefined, kind: NotificationKind, orgId: string, notice: Notice, extra: Partial<Delivery> = {}) => {
    if (!recipientId || deliveries.some((d) => d.recipientId === recipientId)) return;
    deliveries.push({ eventId: event.eventId, kind, orgId, recipientId, notice, ...extra });
  };

  switch (event.type) {
    case 'ticketCreated': {
      const { ticket } = event;
      const { policy, calendar } = await (deps.slaRules ?? (async () => DEFAULT_SLA_RULES))();
      // The centre's zone goes with the notice: the mail shows the time in the requester's zone when they set one.
      const due = computeSla(ticket, new Date(ticket.createdAt), policy, calendar).firstResponseDue;
      const routed = routedAtCreation(ticket);
      const assigneeName = !routed.to ? null : routed.to === ticket.assigneeId ? ticket.assigneeName ?? null : (await deps.users.get(routed.to))?.name ?? null;
      add(ticket.requesterId, 'ticketAcknowledgement', ticket.orgId, { template: 'acknowledgement', ticket: ticketRef(ticket), assigneeName, due, timeZone: calendar.timeZone });
      if (!routed.to) {
        for (const coordinator of await deps.users.listByRole('coordinator')) {
          add(coordinator.id, 'unassignedTicket', ticket.orgId, { template: 'unassigned', ticket: ticketRef(ticket), reason: routed.reason });
        }
      }
      // The assignee hears of it through the assignment (its own event); followers of the category here.
      for (const id of await deps.followers(ticket.category)) {
        if (id !== ticket.requesterId && id !== routed.to) add(id, 'newTicket', ticket.orgId, { template: 'newTicket', ticket: ticketRef(ticket) }, { category: ticket.category });
      }
      break;
    }
    case 'ticketAtRisk': {
      const { ticket, due, until } = event;
      for (const coordinator of await deps.users.listByRole('coordinator')) {
        add(coordinator.id, 'ticketAtRisk', ticket.orgId, { template: 'atRisk', ticket: ticketRef(ticket), assigneeName: ticket.assigneeName ?? null, due, until });
      }
      break;
    }
    case 'ticketAssigned': {
      // The new assignee and the previous one, unless they made the change themselves; nobody else.
      const { ticket, actorId, actorName, from, to, reason } = event;
      if (to && to !== actorId) add(to, 'ticketAssigned', ticket.orgId, { template: 'assigned', ticket: ticketRef(ticket), reason });
      if (from && from !== actorId && from !== to) {
        const assigneeName = to ? (to === ticket.assigneeId ? ticket.assigneeName ?? null : (await deps.users.get(to))?.name ?? null) : null;
        add(from, 'ticketAssigned', ticket.orgId, { template: 'reassignedAway', ticket: ticketRef(ticket), actorName, assigneeName, ...(to === actorId ? { taken: true } : {}) });
      }
      break;
    }
    case 'ticketReply': {
      const { ticket, actorId, actorName } = event;
      const actor = actorId === ticket.requesterId ? undefined : await deps.users.get(actorId);
      const fromRequesterSide = actorId === ticket.requesterId || actor?.role === 'requester';
      const recipient = fromRequesterSide ? ticket.assigneeId : ticket.requesterId;
      if (recipient !== actorId) {
        const [files, conversation] = await Promise.all([
          event.messageId && deps.filesOf ? deps.filesOf(ticket.id, event.messageId) : [],
          event.messageId && deps.conversationOf ? deps.conversationOf(ticket, event.messageId) : { earlier: [] },
        ]);
        add(recipient, 'ticketReply', ticket.orgId, {
          template: fromRequesterSide ? 'requesterReply' : 'expertReply', ticket: ticketRef(ticket), actorName,
          ...(files.length ? { files } : {}), ...conversation,
        });
      }
      break;
    }
    case 'ticketResolved': {
      const { ticket, actorId, actorName } = event;
      if (ticket.requesterId !== actorId) add(ticket.requesterId, 'ticketResolved', ticket.orgId, { template: 'resolved', ticket: ticketRef(ticket), actorName });
      break;
    }
    case 'bookingChanged':
    case 'sessionReminder': {
      const { booking } = event;
      const orgName = await deps.organisationName?.(booking.orgId);
      for (const side of ['requester', 'expert'] as const) {
        const { recipientId, fallback } = bookingParty(booking, side);
        const notice: Notice = event.type === 'bookingChanged'
          ? { template: 'booking', change: event.change, side, booking, ...(orgName ? { orgName } : {}) }
          : { template: 'reminder', lead: event.lead, side, booking, ...(orgName ? { orgName } : {}) };
        add(recipientId, event.type === 'bookingChanged' ? 'bookingChange' : 'sessionReminder', booking.orgId, notice, { fallback });
      }
      break;
    }
    case 'slaEscalation': {
      const { ticket, stage, target, due } = event;
      const notice: Notice = { template: stage === 'warning' ? 'slaWarning' : 'slaBreach', ticket: ticketRef(ticket), target, due };
      const kind = stage === 'warning' ? 'slaWarning' : 'slaBreach';
      const recipients = stage === 'warning' && ticket.assigneeId
        ? [ticket.assigneeId]
        : (await deps.users.listByRole('coordinator')).map((user) => user.id);
      for (const id of recipients) add(id, kind, ticket.orgId, notice);
      break;
    }
  }
  return deliveries;
}
