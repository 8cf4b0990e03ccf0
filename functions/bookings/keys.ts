import { ANY, type KeySpace } from '../core/table.ts';
import type { BookingStatus } from './domain/model.ts';

/** Where the mentoring desk's items live: the bookings store writes them, other modules read through these builders. */
export const expertKey = (id: string) => ({ pk: `EXPERT#${id}`, sk: 'PROFILE' });
export const claimDayKey = (expertId: string, day: string) => ({ pk: `EXPERT#${expertId}`, sk: `CLAIMS#${day}` });
export const allowanceKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ALLOWANCE' });
export const usageKey = (orgId: string, quarter: string) => ({ pk: `ORG#${orgId}`, sk: `USAGE#${quarter}` });
export const bookingKey = (id: string) => ({ pk: `BOOKING#${id}`, sk: 'BOOKING' });

export const isBookingItem = (item: Record<string, unknown> | undefined) => String(item?.pk ?? '').startsWith('BOOKING#') && item?.sk === 'BOOKING';

/** The statuses a booking is listed under (a pending or failed intent is in no listing). */
export type ListedStatus = Extract<BookingStatus, 'booked' | 'cancelled'>;

/** The index partitions of bookings. Listings are sorted by `sessionOrder` (the session's end, then id). */
export const bookingPartitions = {
  /** gsi1: intents and moves not yet settled, by last update (the crash-repair sweep). */
  unsettled: 'BOOKINGS#UNSETTLED',
  /** gsi2: every expert, by name. */
  experts: 'EXPERTS',
  /** gsi3: one organisation's sessions in one status. */
  byOrg: (orgId: string, status: ListedStatus | typeof ANY) => `BOOKINGS#ORG#${orgId}#${status}`,
  /** gsi4: one expert's sessions in one status. */
  byExpert: (expertId: string, status: ListedStatus | typeof ANY) => `BOOKINGS#EXPERT#${expertId}#${status}`,
  /** gsi5: every session in one status. */
  all: (status: ListedStatus | typeof ANY) => `BOOKINGS#ALL#${status}`,
} as const;

/** Sorts after every id: `sessionOrder(time, AFTER_EVERY_ID)` bounds a range just after the sessions ending at `time`. */
export const AFTER_EVERY_ID = '~';
export const sessionOrder = (end: string, id: string) => `${end}#${id}`;

export function bookingKeySpace(): KeySpace {
  return {
    module: 'bookings',
    items: [expertKey(ANY), claimDayKey(ANY, ANY), allowanceKey(ANY), usageKey(ANY, ANY), bookingKey(ANY)],
    partitions: {
      gsi1: [bookingPartitions.unsettled],
      gsi2: [bookingPartitions.experts],
      gsi3: [bookingPartitions.byOrg(ANY, ANY)],
      gsi4: [bookingPartitions.byExpert(ANY, ANY)],
      gsi5: [bookingPartitions.all(ANY)],
    },
  };
}
