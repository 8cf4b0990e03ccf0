import { isStaff, type Principal } from '../../core/principal.ts';
import type { Ticket } from './model.ts';

/*
 * A requester must not learn that staff wrote an internal note, not even from a ticket's version (its ETag) or its
 * updatedAt. Every change but a note is public, and a note moves `version` and `noteCount` together, so the
 * version a requester sees is the count of public changes; their updatedAt is the last public activity.
 */

/** The version this caller sees (and sends back in If-Match). */
export function versionSeenBy(ticket: Pick<Ticket, 'version' | 'noteCount'>, principal: Principal): number {
  return isStaff(principal) ? ticket.version : ticket.version - (ticket.noteCount ?? 0);
}

/** When the ticket last changed in a way this caller can see. */
export function updatedAtSeenBy(ticket: Pick<Ticket, 'updatedAt' | 'lastActivityAt'>, principal: Principal): string {
  return isStaff(principal) ? ticket.updatedAt : ticket.lastActivityAt;
}
