import type { Principal } from '../../core/principal.ts';
import { violation } from '../../core/violation.ts';
import type { Booking } from './model.ts';

const HOUR = 3_600_000;

/** Requesters may cancel or move a session until this long before it starts; staff at any time. */
export const REQUESTER_CUTOFF_HOURS = 24;

/** The requester's organisation, the expert it is with, and coordinators see a booking; others get 404. */
export function maySee(booking: Pick<Booking, 'orgId' | 'expertId'>, principal: Principal): boolean {
  if (principal.role === 'coordinator') return true;
  if (principal.role === 'expert') return booking.expertId === principal.id;
  return booking.orgId === principal.orgId;
}

/** `booking.cutoff` when a requester changes a session less than the cut-off before its start. */
export function assertMayChange(booking: Pick<Booking, 'start'>, principal: Principal, now: Date): void {
  if (principal.role !== 'requester') return;
  if (Date.parse(booking.start) - now.getTime() < REQUESTER_CUTOFF_HOURS * HOUR) {
    throw violation('booking.cutoff', `Sessions can be cancelled or moved until ${REQUESTER_CUTOFF_HOURS} hours before they start; ask the expert or the support centre.`);
  }
}
