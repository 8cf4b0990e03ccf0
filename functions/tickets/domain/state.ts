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

/** Requesters may close their ticket, or reopen one that was resolved. */
const REQUESTER_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['closed'],
  open: ['closed'],
  waiting: ['closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function allowedTransitions(from: TicketStatus, role: Role): readonly TicketStatus[] {
  return role === 'requester' ? REQUESTER_TRANSITIONS[from] : STAFF_TRANSITIONS[from];
}

/** Throws `ticket.transition`, naming both states, when the change is not allowed for this role. */
export function assertTransition(from: TicketStatus, to: TicketStatus, role: Role): void {
  if (!allowedTransitions(from, role).includes(to)) {
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
