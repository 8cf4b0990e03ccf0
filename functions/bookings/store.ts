import type { Organisation } from '../core/organisations.ts';
import type { ClaimedInterval } from './domain/claims.ts';
import type { Availability, BookingRecord, BookingStatus, ExpertProfile } from './domain/model.ts';

export type ExpertProfileFields = Omit<ExpertProfile, 'availability' | 'timeZone'> & { timeZone?: string };

export interface SlotClaim {
  expertId: string;
  start: string;
  end: string;
  bookingId: string;
}

/** One expert's claimed intervals on one UTC day; `version` 0 means no item is stored yet. */
export interface ClaimDay {
  expertId: string;
  day: string;
  intervals: ClaimedInterval[];
  version: number;
}

export type ChargeOutcome = 'charged' | 'already-charged' | 'exceeded';

export interface Charge {
  orgId: string;
  quarter: string;
  marker: string;
  minutes: number;
  /** The organisation's allowance for the quarter. */
  limit: number;
  at: string;
  /** A charge being moved (reschedule in the same quarter): its minutes count as free while its marker stands. */
  replacing?: { marker: string; minutes: number };
}

export interface Refund {
  orgId: string;
  quarter: string;
  marker: string;
  minutes: number;
}

export interface QuarterUsage {
  used: number;
  markers: string[];
}

export type BookingListFilter = 'upcoming' | 'past' | 'cancelled';

export interface BookingQuery {
  scope: { orgId: string } | { expertId: string } | 'all';
  filter: BookingListFilter;
  now: string;
  limit: number;
  cursor?: string;
}

/** The bookings' storage port. Every method is one DynamoDB request; the invariants are their conditions. */
export interface BookingStore {
  getExpert(id: string): Promise<ExpertProfile | undefined>;
  listExperts(): Promise<ExpertProfile[]>;
  /** Creates or updates the profile fields given, keeping any availability (and the zone when none is given). */
  putExpertProfile(profile: ExpertProfileFields): Promise<void>;
  /** Sets the availability (and the profile's zone); creates a minimal profile for an expert without one. */
  setAvailability(expert: Pick<ExpertProfile, 'id' | 'name' | 'email'>, availability: Availability): Promise<void>;

  /** Claims in [from, to) by start (each once, though a session crossing midnight is stored on both days). */
  listClaims(expertId: string, from: string, to: string): Promise<SlotClaim[]>;
  /** The day's claim item; an empty one with version 0 when none is stored. */
  getClaimDay(expertId: string, day: string): Promise<ClaimDay>;
  /**
   * The no-double-booking write: stores the day's intervals with version `expectedVersion + 1`, only if the
   * stored version is still `expectedVersion` (0: no item yet). false when another write came first.
   */
  putClaimDay(day: Omit<ClaimDay, 'version'>, expectedVersion: number): Promise<boolean>;

  getAllowance(orgId: string): Promise<number | undefined>;
  setAllowance(orgId: string, minutes: number, at: string): Promise<void>;
  getUsage(orgId: string, quarter: string): Promise<QuarterUsage>;
  /** used + minutes <= limit, and once per marker. */
  charge(charge: Charge): Promise<ChargeOutcome>;
  /** Gives the minutes back once, if the marker is there (idempotent). */
  refund(refund: Refund): Promise<void>;

  organisationExists(orgId: string): Promise<boolean>;
  /** Every organisation, by name (an index query on the `ORGS` partition). */
  listOrganisations(): Promise<Organisation[]>;

  /** false when a record with this id exists already. */
  createBooking(record: BookingRecord): Promise<boolean>;
  getBooking(id: string): Promise<BookingRecord | undefined>;
  /** false when the stored version is no longer `expectedVersion`. */
  replaceBooking(record: BookingRecord, expectedVersion: number): Promise<boolean>;
  listBookings(query: BookingQuery): Promise<{ items: BookingRecord[]; cursor?: string }>;
  /** Records with a change under way or clean-up owed, last touched before `before` (oldest first). */
  listUnsettled(before: string, limit: number): Promise<BookingRecord[]>;
}

export const LISTED_STATUSES: readonly BookingStatus[] = ['booked', 'cancelled'];
