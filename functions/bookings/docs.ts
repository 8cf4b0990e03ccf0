import * as z from 'zod/mini';
import { BODY_PROBLEMS, IDEMPOTENCY_HEADER, type RouteDoc } from '../core/openapi.ts';
import { AllowanceSchema, BookingListSchema, BookingSchema, ExpertSchema, OrganisationListSchema, OwnProfileSchema, SlotListSchema } from './responses.ts';
import {
  bookingIcsRoute, cancelBookingRoute, createBookingRoute, getAllowanceRoute, getAvailabilityRoute, getBookingRoute, getProfileRoute, listBookingsRoute, listExpertsRoute,
  listOrganisationsRoute, rescheduleBookingRoute, setAllowanceRoute, setAvailabilityRoute, setProfileRoute, slotsRoute,
} from './routes.ts';
import { AvailabilityBody } from './schemas.ts';

const ALLOWANCE = { description: 'Minutes per calendar quarter, and this quarter\'s use', schema: AllowanceSchema };

/** The mentoring rows of the OpenAPI document: experts, slots, bookings, allowances. */
export const bookingDocs: RouteDoc[] = [
  {
    route: listExpertsRoute, tags: ['experts'],
    responses: { 200: { description: 'Matching experts, best match first', schema: z.object({ items: z.array(ExpertSchema) }) } }, errors: ['validation', 'unauthorized'],
  },
  {
    route: setProfileRoute, tags: ['experts'],
    responses: { 200: { description: 'Stored; the meeting link is shown to you and to those who book', schema: OwnProfileSchema } },
    errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden'],
  },
  {
    route: getProfileRoute, tags: ['experts'], description: 'What the profile editor starts from.',
    responses: { 200: { description: 'Your profile, with your meeting link', schema: OwnProfileSchema } }, errors: ['unauthorized', 'forbidden', 'not-found'],
  },
  {
    route: setAvailabilityRoute, tags: ['experts'],
    responses: { 200: { description: 'Stored', schema: AvailabilityBody } }, errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden'],
  },
  {
    route: getAvailabilityRoute, tags: ['experts'], description: 'What the availability editor starts from.',
    responses: { 200: { description: 'The availability you published', schema: AvailabilityBody } }, errors: ['unauthorized', 'forbidden', 'not-found'],
  },
  {
    route: slotsRoute, tags: ['experts'],
    responses: { 200: { description: 'Free slots in UTC; the range is capped by notice and horizon', schema: SlotListSchema } }, errors: ['validation', 'unauthorized', 'not-found'],
  },
  {
    route: createBookingRoute, tags: ['bookings'], headers: IDEMPOTENCY_HEADER,
    responses: { 201: { description: 'Booked (or the first result of a retried Idempotency-Key); carries the meeting link', schema: BookingSchema } },
    errors: [
      ...BODY_PROBLEMS, 'unauthorized', 'forbidden', 'slot.taken', 'booking.interrupted', 'busy', 'expert.unknown', 'slot.not-offered',
      'booking.ticket', 'allowance.spent', 'idempotency.key-reused',
    ],
  },
  {
    route: listBookingsRoute, tags: ['bookings'],
    responses: { 200: { description: 'Upcoming: soonest first; past and cancelled: latest first', schema: BookingListSchema } }, errors: ['validation', 'unauthorized'],
  },
  {
    route: getBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'The booking', schema: BookingSchema } }, errors: ['validation', 'unauthorized', 'not-found'],
  },
  {
    route: cancelBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'Cancelled; the slot and the minutes are free again', schema: BookingSchema } },
    errors: [...BODY_PROBLEMS, 'unauthorized', 'not-found', 'busy', 'booking.cutoff'],
  },
  {
    route: rescheduleBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'Moved to the new slot', schema: BookingSchema } },
    errors: [
      ...BODY_PROBLEMS, 'unauthorized', 'not-found', 'slot.taken', 'booking.changed', 'busy', 'booking.cancelled', 'booking.cutoff',
      'booking.same-time', 'expert.unknown', 'slot.not-offered', 'allowance.spent',
    ],
  },
  {
    route: bookingIcsRoute, tags: ['bookings'],
    responses: { 200: { description: 'RFC 5545 invitation (METHOD REQUEST or CANCEL)', contentType: 'text/calendar', schema: z.string() } },
    errors: ['validation', 'unauthorized', 'not-found'],
  },
  { route: setAllowanceRoute, tags: ['allowance'], responses: { 200: ALLOWANCE }, errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden', 'not-found'] },
  { route: getAllowanceRoute, tags: ['allowance'], responses: { 200: ALLOWANCE }, errors: ['validation', 'unauthorized', 'forbidden', 'not-found'] },
  {
    route: listOrganisationsRoute, tags: ['allowance'],
    responses: { 200: { description: 'Every organisation by name, with this quarter\'s allowance and use', schema: OrganisationListSchema } }, errors: ['unauthorized', 'forbidden'],
  },
];
