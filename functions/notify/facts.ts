import type { BookingRecord } from '../bookings/domain/model.ts';
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

/** Storage bookkeeping (intents, releases, fingerprints, index keys) is not a fact about the session. */
const BOOKING_BOOKKEEPING = ['requestFingerprint', 'move', 'release', 'failure', 'pk', 'sk', 'expiresAt',
  ...[1, 2, 3, 4, 5].flatMap((n) => [`gsi${n}pk`, `gsi${n}sk`])];

export function bookingFacts(item: Record<string, unknown> | BookingRecord): BookingFacts {
  const facts: Record<string, unknown> = { ...item };
  for (const name of BOOKING_BOOKKEEPING) delete facts[name];
  return facts as unknown as BookingFacts;
}

export const isTicketItem = (item: Record<string, unknown> | undefined) => String(item?.pk ?? '').startsWith('TICKET#') && item?.sk === 'TICKET';
export const isBookingItem = (item: Record<string, unknown> | undefined) => String(item?.pk ?? '').startsWith('BOOKING#') && item?.sk === 'BOOKING';
