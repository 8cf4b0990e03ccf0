import type { Principal } from '../../core/principal.ts';
import type { UserRecord } from '../../core/users.ts';
import { violation } from '../../core/violation.ts';
import type { Message, Priority, Ticket, TicketCategory, TicketEvent, TicketStatus } from './model.ts';
import { assertMayPost, assertTransition, statusAfterMessage } from './state.ts';

export interface TicketPatch {
  status?: TicketStatus;
  priority?: Priority;
  category?: TicketCategory;
  /** null unassigns. */
  assigneeId?: string | null;
}

type Actor = Pick<Principal, 'id' | 'name' | 'role'>;

function event(actor: Actor, at: string, fields: Omit<TicketEvent, 'at' | 'actorId' | 'actorName'>): TicketEvent {
  return { at, actorId: actor.id, actorName: actor.name, ...fields };
}

function withStatus(ticket: Ticket, to: TicketStatus, actor: Actor, at: string, events: TicketEvent[]): Ticket {
  events.push(event(actor, at, { type: 'status', from: ticket.status, to }));
  return { ...ticket, status: to, ...(to === 'resolved' ? { resolvedAt: at } : {}) };
}

function assertMayPatch(ticket: Ticket, patch: TicketPatch, actor: Actor): void {
  if (actor.role === 'requester') {
    const fields = Object.keys(patch).filter((key) => patch[key as keyof TicketPatch] !== undefined);
    if (fields.some((field) => field !== 'status')) {
      throw violation('ticket.requester-change', 'Requesters may only change the status: close a ticket they opened, or reopen a resolved one.');
    }
    return;
  }
  // An expert may take any ticket they see, even one another expert holds (the event keeps who had it, and
  // that expert is told); giving a ticket to a third person stays a coordinator's call.
  if (actor.role === 'expert' && patch.assigneeId !== undefined) {
    const taking = patch.assigneeId === actor.id;
    const releasing = patch.assigneeId === null && ticket.assigneeId === actor.id;
    if (!taking && !releasing) throw violation('ticket.assignment', 'Experts may take a ticket or release their own; a coordinator assigns others.');
  }
}

/** Who moved the ticket, in a coordinator's words: "taken by Ana García", "assigned by Carla Coordinator: …". */
export function assignmentReason(actor: Actor, assigneeId: string | null, why?: string): string {
  const who = assigneeId === null ? `unassigned by ${actor.name}` : assigneeId === actor.id ? `taken by ${actor.name}` : `assigned by ${actor.name}`;
  return why ? `${who}: ${why}` : who;
}

/**
 * Applies a PATCH to a ticket (pure). `assignee` is the directory record of patch.assigneeId, looked up by the caller;
 * `why` is added to an assignment's reason (a coordinator's bulk reassignment says why).
 * Returns the ticket unchanged (same version) when nothing differs.
 */
export function applyPatch(ticket: Ticket, patch: TicketPatch, actor: Actor, assignee: UserRecord | undefined, at: string, why?: string): Ticket {
  assertMayPatch(ticket, patch, actor);
  const events: TicketEvent[] = [];
  let next: Ticket = ticket;

  if (patch.assigneeId !== undefined && patch.assigneeId !== (ticket.assigneeId ?? null)) {
    if (patch.assigneeId !== null && (!assignee || assignee.role === 'requester')) {
      throw violation('ticket.assignee', 'The assignee must be an expert of the support centre.', { field: 'assigneeId' });
    }
    const reason = assignmentReason(actor, patch.assigneeId, why);
    events.push(event(actor, at, { type: 'assigned', from: ticket.assigneeId ?? null, to: patch.assigneeId, reason }));
    next = { ...next, assigneeId: patch.assigneeId, assigneeName: assignee?.name ?? null, assignment: { reason, auto: false, at } };
    // Taking a new ticket is the start of work on it.
    if (patch.assigneeId !== null && next.status === 'new' && patch.status === undefined) next = withStatus(next, 'open', actor, at, events);
  }
  if (patch.status !== undefined && patch.status !== next.status) {
    assertTransition(next.status, patch.status, actor.role, ticket.requesterId === actor.id);
    next = withStatus(next, patch.status, actor, at, events);
  }
  if (patch.priority !== undefined && patch.priority !== next.priority) {
    events.push(event(actor, at, { type: 'priority', from: next.priority, to: patch.priority }));
    next = { ...next, priority: patch.priority };
  }
  if (patch.category !== undefined && patch.category !== next.category) {
    events.push(event(actor, at, { type: 'category', from: next.category, to: patch.category }));
    next = { ...next, category: patch.category };
  }
  if (events.length === 0) return ticket;
  return { ...next, version: ticket.version + 1, updatedAt: at, lastActivityAt: at, events: [...ticket.events, ...events] };
}

/** Whether the ticket already records this message (a retried reply must not count twice). */
export function recordsMessage(ticket: Ticket, messageId: string): boolean {
  return ticket.events.some((e) => e.messageId === messageId);
}

/**
 * The ticket after a message: activity, first response, reopening (pure). An internal note is counted apart and
 * is not activity the requester could see (their lists and counts must not betray that staff wrote something).
 */
export function applyMessage(ticket: Ticket, message: Message, actor: Actor): Ticket {
  assertMayPost(ticket.status, actor.role);
  const at = message.createdAt;
  const events: TicketEvent[] = [event(actor, at, { type: message.internal ? 'note' : 'reply', messageId: message.id })];
  let next: Ticket = { ...ticket };
  const isStaffReply = actor.role !== 'requester' && !message.internal;
  if (isStaffReply && !next.firstResponseAt) next.firstResponseAt = at;
  const to = statusAfterMessage(next.status, actor.role, message.internal);
  if (to) next = withStatus(next, to, actor, at, events);
  return {
    ...next,
    ...(message.internal
      ? { noteCount: (ticket.noteCount ?? 0) + 1 }
      : { messageCount: ticket.messageCount + 1, lastActivityAt: at }),
    version: ticket.version + 1,
    updatedAt: at,
    events: [...ticket.events, ...events],
  };
}
