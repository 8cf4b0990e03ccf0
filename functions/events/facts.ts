import type { BookingRecord } from '../bookings/domain/model.ts';
import { TTL_ATTRIBUTE, withoutKeys } from '../core/table.ts';
import type { BookingFacts, TicketFacts } from './domain/events.ts';

const TICKET_FIELDS = [
  'id', 'reference', 'subject', 'orgId', 'requesterId', 'requesterName', 'category', 'priority', 'status',
  'assigneeId', 'assigneeName', 'createdAt', 'firstResponseAt', 'events',
] as const;

/** The attributes read for ticket facts (never the body, which can be 80 KB). */
export const TICKET_FACT_ATTRIBUTES: readonly string[] = TICKET_FIELDS;

const pick = (item: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]));

export function ticketFacts(item: Record<string, unknown>): TicketFacts {
  const facts = pick(item, TICKET_FIELDS) as unknown as TicketFacts;
  return { ...facts, events: facts.events ?? [] };
}

/** Storage bookkeeping (intents, releases, fingerprints, keys) is not a fact about the session. */
const BOOKING_BOOKKEEPING = ['requestFingerprint', 'move', 'release', 'failure', TTL_ATTRIBUTE];

export function bookingFacts(item: Record<string, unknown> | BookingRecord): BookingFacts {
  return withoutKeys<BookingFacts>(item as Record<string, unknown>, BOOKING_BOOKKEEPING);
}
