import type { SystemName } from '../../core/catalog.ts';
import type { TopicId } from '../../core/topics.ts';
import type { BookingFailure, LegacyBookingFailure } from './failure.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SLOT_MINUTES = [30, 45, 60, 90] as const;
export type SlotMinutes = (typeof SLOT_MINUTES)[number];

/** "HH:MM" wall-clock times in the expert's zone. */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

/** A date off (no start/end) or other hours that day (start and end); several entries may share a date. */
export interface DateException {
  date: string;
  start?: string;
  end?: string;
}

export interface Availability {
  timeZone: string;
  slotMinutes: SlotMinutes;
  weekly: WeeklyWindow[];
  exceptions: DateException[];
  bufferMinutes: number;
  noticeHours: number;
  horizonDays: number;
}

export const AVAILABILITY_DEFAULTS = { bufferMinutes: 0, noticeHours: 24, horizonDays: 60 } as const;

export interface ExpertProfile {
  id: string;
  name: string;
  email: string;
  bio: string;
  expertise: TopicId[];
  /** Free skills beyond the topic list ("FSDP", "DeepSpeed"). */
  skills: string[];
  /** BCP 47 language codes. */
  languages: string[];
  systems: SystemName[];
  timeZone: string;
  meetingLink: string;
  availability?: Availability;
}

export interface Slot {
  /** UTC ISO-8601 instants. */
  start: string;
  end: string;
}

/** A booking's place in time: its slot and what it was charged. */
export interface Placement {
  start: string;
  end: string;
  minutes: number;
}

/**
 * pending: the intent is written, the charge and the slot claim are under way.
 * failed: the intent was given up (slot taken, allowance spent, or abandoned after a crash).
 */
export type BookingStatus = 'pending' | 'booked' | 'cancelled' | 'failed';

export interface Booking extends Placement {
  id: string;
  status: BookingStatus;
  expertId: string;
  expertName: string;
  expertEmail: string;
  orgId: string;
  requesterId: string;
  requesterName: string;
  requesterEmail: string;
  topic: string;
  notes?: string;
  system?: SystemName;
  ticketId?: string;
  meetingLink: string;
  /** RFC 5545 SEQUENCE: 0 when booked, +1 for each reschedule and for the cancellation. */
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string;
  cancelledById?: string;
  cancelReason?: string;
  rescheduledFrom?: string;
}

/**
 * What the storage keeps beside the booking to make every multi-write change converge:
 * `move` is a reschedule under way, `release` lists placements whose slot claim and charge are still to be
 * given back, `failure` is the answer replayed to a retry of a failed intent.
 */
export interface BookingRecord extends Booking {
  requestFingerprint?: string;
  move?: Placement & { at: string };
  release: Placement[];
  failure?: BookingFailure | LegacyBookingFailure;
}

export function isUnsettled(record: BookingRecord): boolean {
  return record.status === 'pending' || record.move !== undefined || record.release.length > 0;
}

export function placementOf(value: Placement): Placement {
  return { start: value.start, end: value.end, minutes: value.minutes };
}
