import type { DomainEvent, TicketFacts } from './events.ts';

/** Ticket audit entries are appended, never rewritten, so an entry's position names it for good. */
export function ticketEventId(ticketId: string, index: number): string {
  return `T#${ticketId}#${index}`;
}

/**
 * The domain events of one change to a ticket item (pure): the audit entries in `next` that `previous` lacks.
 * Internal notes, priority and category changes produce nothing.
 */
export function ticketEvents(previous: Pick<TicketFacts, 'events'> | undefined, next: TicketFacts | undefined): DomainEvent[] {
  if (!next) return [];
  const known = previous?.events.length ?? 0;
  const derived: DomainEvent[] = [];
  next.events.forEach((entry, index) => {
    if (index < known) return;
    const eventId = ticketEventId(next.id, index);
    if (entry.type === 'created') derived.push({ type: 'ticketCreated', eventId, ticket: next });
    else if (entry.type === 'reply') derived.push({ type: 'ticketReply', eventId, ticket: next, actorId: entry.actorId, actorName: entry.actorName, ...(entry.messageId ? { messageId: entry.messageId } : {}) });
    else if (entry.type === 'assigned') {
      derived.push({ type: 'ticketAssigned', eventId, ticket: next, actorId: entry.actorId, actorName: entry.actorName, from: entry.from ?? null, to: entry.to ?? null, reason: entry.reason ?? '' });
    } else if (entry.type === 'status' && entry.to === 'resolved') {
      derived.push({ type: 'ticketResolved', eventId, ticket: next, actorId: entry.actorId, actorName: entry.actorName });
    }
  });
  return derived;
}

/** The ticket as it was before `since`: its audit entries older than that (the local feed's stand-in for an old image). */
export function ticketBefore<T extends Pick<TicketFacts, 'events'>>(ticket: T, since: string): T {
  const firstNew = ticket.events.findIndex((entry) => entry.at >= since);
  return firstNew < 0 ? ticket : { ...ticket, events: ticket.events.slice(0, firstNew) };
}
