import type { Role } from '../../core/principal.ts';
import { violation } from '../../core/violation.ts';
import type { TicketStatus } from './model.ts';

/** Status changes staff may make by hand (design.md's lifecycle; closed can be reopened by staff only). */
const STAFF_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'waiting', 'resolved', 'closed'],
  open: ['waiting', 'resolved', 'closed'],
  waiting: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** Requesters may close a ticket they opened, or reopen one that was resolved. */
const REQUESTER_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['closed'],
  open: ['closed'],
  waiting: ['closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

/**
 * The statuses a ticket may move to. Closing is for staff and the requester who opened it (`isOpener`): others of
 * the organisation may reply and reopen a resolved ticket (as their reply would), but not end someone else's.
 */
export function allowedTransitions(from: TicketStatus, role: Role, isOpener = true): readonly TicketStatus[] {
  if (role !== 'requester') return STAFF_TRANSITIONS[from];
  return isOpener ? REQUESTER_TRANSITIONS[from] : REQUESTER_TRANSITIONS[from].filter((to) => to !== 'closed');
}

export const CLOSE_NOT_OPENER = 'Only the person who opened this ticket, or the support staff, may close it.';

/**
 * Throws `ticket.close-not-opener` for a requester closing someone else's ticket, `ticket.transition` naming both
 * states for another change not allowed for this role.
 */
export function assertTransition(from: TicketStatus, to: TicketStatus, role: Role, isOpener = true): void {
  if (!isOpener && role === 'requester' && to === 'closed' && REQUESTER_TRANSITIONS[from].includes(to)) throw violation('ticket.close-not-opener', CLOSE_NOT_OPENER);
  if (!allowedTransitions(from, role, isOpener).includes(to)) {
    throw violation('ticket.transition', `A ticket cannot go from ${from} to ${to}${role === 'requester' ? ' by its requester' : ''}.`, { from, to });
  }
}

/** The status a new message moves the ticket to, or undefined for no change. */
export function statusAfterMessage(current: TicketStatus, authorRole: Role, internal: boolean): TicketStatus | undefined {
  if (internal) return undefined;
  if (authorRole === 'requester') return current === 'waiting' || current === 'resolved' ? 'open' : undefined;
  return current === 'new' ? 'open' : undefined;
}

/** A closed ticket takes no more from its requester: they open a new one (staff may still write on it). */
export function assertMayPost(status: TicketStatus, role: Role): void {
  if (status === 'closed' && role === 'requester') {
    throw violation('ticket.closed', 'This ticket is closed; open a new ticket (you can mention this one).', { ticketStatus: status });
  }
}
