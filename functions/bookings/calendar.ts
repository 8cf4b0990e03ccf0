import { calendar } from '../core/icalendar.ts';
import type { Booking } from './domain/model.ts';

/** One UID per booking for its whole life, so calendars update or remove the same event. */
export function invitationUid(bookingId: string): string {
  return `booking-${bookingId}@hpc-ai-support-centre`;
}

export function invitationMethod(booking: Pick<Booking, 'status'>): 'REQUEST' | 'CANCEL' {
  return booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
}

/**
 * The RFC 5545 invitation for a booking: METHOD REQUEST while booked, CANCEL once cancelled, SEQUENCE rising
 * with each change (RFC 5546 tells calendars to apply the highest), the expert organizing, the requester attending.
 */
export function bookingInvitation(booking: Booking): string {
  const cancelled = booking.status === 'cancelled';
  return calendar({
    prodId: '-//HPC AI Support Centre//Mentoring//EN',
    name: 'HPC AI Support Centre mentoring',
    method: invitationMethod(booking),
    events: [{
      uid: invitationUid(booking.id),
      sequence: booking.sequence,
      stamp: new Date(booking.updatedAt),
      start: new Date(booking.start),
      end: new Date(booking.end),
      summary: `Mentoring: ${booking.topic}`,
      description: [
        `Mentoring session with ${booking.expertName} for ${booking.requesterName} (${booking.orgId}).`,
        `Join: ${booking.meetingLink}`,
        ...(booking.system ? [`System: ${booking.system}`] : []),
        ...(booking.notes ? ['', booking.notes] : []),
        ...(cancelled && booking.cancelReason ? ['', `Cancelled: ${booking.cancelReason}`] : []),
      ].join('\n'),
      location: booking.meetingLink,
      url: booking.meetingLink,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      organizer: { name: booking.expertName, email: booking.expertEmail },
      attendees: [{
        name: booking.requesterName, email: booking.requesterEmail,
        role: 'REQ-PARTICIPANT', partstat: cancelled ? 'DECLINED' : 'ACCEPTED',
      }],
    }],
  });
}
