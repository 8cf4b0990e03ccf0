import type { BookingFacts } from '../../events/domain/events.ts';
import type { NotifyEvent, ReminderLead } from './events.ts';

const HOUR = 3_600_000;

/** Longest lead first: when several are due at once only the shortest is worth sending. */
export const REMINDER_LEADS: ReadonlyArray<{ lead: ReminderLead; ms: number }> = [
  { lead: '24h', ms: 24 * HOUR },
  { lead: '1h', ms: HOUR },
];

/** How far ahead the sweep has to look for sessions to remind of. */
export const LONGEST_LEAD_MS = REMINDER_LEADS[0]!.ms;

/** Keyed by the placement (start and sequence): a moved session's old reminders can never match the new one. */
export function reminderEventId(booking: Pick<BookingFacts, 'id' | 'start' | 'sequence'>, lead: ReminderLead): string {
  return `R#${booking.id}#${booking.start}#${booking.sequence}#${lead}`;
}

/**
 * The reminder due for a booking at `now` (pure), if any: only for a booked session that has not started,
 * once `now` is within the lead, not when a shorter lead is due as well, and not when the session was booked or
 * moved inside that lead (the confirmation just sent serves).
 */
export function dueReminder(booking: BookingFacts, now: Date): NotifyEvent | undefined {
  if (booking.status !== 'booked') return undefined;
  const start = Date.parse(booking.start);
  const at = now.getTime();
  if (at >= start) return undefined;
  const due = REMINDER_LEADS.filter(({ ms }) => at >= start - ms);
  const shortest = due[due.length - 1];
  if (!shortest) return undefined;
  if (Date.parse(booking.updatedAt) >= start - shortest.ms) return undefined;
  return { type: 'sessionReminder', eventId: reminderEventId(booking, shortest.lead), lead: shortest.lead, booking };
}
