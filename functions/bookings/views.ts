import type { BookingRecord, ExpertProfile } from './domain/model.ts';

/** What callers see of a booking: none of the bookkeeping that makes its writes converge; `orgName` the organisation's name. */
export function bookingView(record: BookingRecord, orgName?: string) {
  const { requestFingerprint: _f, move: _m, release: _r, failure: _x, version: _v, status, ...booking } = record;
  // Only booked and cancelled records are ever shown (pending and failed ones are not found).
  return { ...booking, orgName, status: status as 'booked' | 'cancelled' };
}

/** The directory entry of an expert; the meeting link is given to those who book. */
export function expertView(expert: ExpertProfile, score?: number) {
  const { meetingLink: _link, availability, email: _email, ...profile } = expert;
  return {
    ...profile,
    ...(availability ? { slotMinutes: availability.slotMinutes } : {}),
    bookable: Boolean(availability && availability.weekly.length + availability.exceptions.length > 0),
    ...(score !== undefined ? { score } : {}),
  };
}

/** The expert's own profile: the directory entry plus the meeting link. */
export function ownProfileView(expert: ExpertProfile) {
  return { ...expertView(expert), meetingLink: expert.meetingLink };
}
