import type { BookingChange, BookingFacts, DomainEvent } from './events.ts';

type BookingState = Pick<BookingFacts, 'id' | 'status' | 'sequence'>;

/** Each (sequence, status) a booking reaches happens once: booked at 0, +1 per move, +1 for the cancellation. */
export function bookingEventId(booking: BookingState): string {
  return `B#${booking.id}#${booking.sequence}#${booking.status}`;
}

function changeOf(booking: BookingState): BookingChange | undefined {
  if (booking.status === 'cancelled') return 'cancelled';
  if (booking.status === 'booked') return booking.sequence === 0 ? 'confirmed' : 'rescheduled';
  return undefined;
}

/**
 * The domain event of one change to a booking record (pure). Intermediate writes (the pending intent, a move
 * under way, clean-up of released placements) keep the state and produce nothing; an unknown previous state
 * (the local feed) yields the event of the current state, which the delivery markers make idempotent.
 */
export function bookingEvents(previous: BookingState | undefined, next: BookingFacts | undefined): DomainEvent[] {
  if (!next) return [];
  const change = changeOf(next);
  if (!change) return [];
  if (previous && previous.status === next.status && previous.sequence === next.sequence) return [];
  return [{ type: 'bookingChanged', eventId: bookingEventId(next), change, booking: next }];
}
