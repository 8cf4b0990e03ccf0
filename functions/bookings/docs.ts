import * as z from 'zod/mini';
import { IDEMPOTENCY_HEADER, type RouteDoc } from '../core/openapi.ts';
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
    responses: { 200: { description: 'Matching experts, best match first', schema: z.object({ items: z.array(ExpertSchema) }) } }, errors: [400, 401],
  },
  {
    route: setProfileRoute, tags: ['experts'],
    responses: { 200: { description: 'Stored; the meeting link is shown to you and to those who book', schema: OwnProfileSchema } },
    errors: [400, 401, 403, 413, 415],
  },
  {
    route: getProfileRoute, tags: ['experts'], description: 'What the profile editor starts from.',
    responses: { 200: { description: 'Your profile, with your meeting link', schema: OwnProfileSchema } }, errors: [401, 403, 404],
  },
  {
    route: setAvailabilityRoute, tags: ['experts'],
    responses: { 200: { description: 'Stored', schema: AvailabilityBody } }, errors: [400, 401, 403, 413, 415],
  },
  {
    route: getAvailabilityRoute, tags: ['experts'], description: 'What the availability editor starts from.',
    responses: { 200: { description: 'The availability you published', schema: AvailabilityBody } }, errors: [401, 403, 404],
  },
  {
    route: slotsRoute, tags: ['experts'],
    responses: { 200: { description: 'Free slots in UTC; the range is capped by notice and horizon', schema: SlotListSchema } }, errors: [400, 401, 404],
  },
  {
    route: createBookingRoute, tags: ['bookings'], headers: IDEMPOTENCY_HEADER,
    responses: { 201: { description: 'Booked (or the first result of a retried Idempotency-Key); carries the meeting link', schema: BookingSchema } },
    errors: [400, 401, 403, 409, 413, 415, 422],
  },
  {
    route: listBookingsRoute, tags: ['bookings'],
    responses: { 200: { description: 'Upcoming: soonest first; past and cancelled: latest first', schema: BookingListSchema } }, errors: [400, 401],
  },
  {
    route: getBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'The booking', schema: BookingSchema } }, errors: [400, 401, 404],
  },
  {
    route: cancelBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'Cancelled; the slot and the minutes are free again', schema: BookingSchema } },
    errors: [400, 401, 404, 409, 413, 415, 422],
  },
  {
    route: rescheduleBookingRoute, tags: ['bookings'],
    responses: { 200: { description: 'Moved to the new slot', schema: BookingSchema } }, errors: [400, 401, 404, 409, 413, 415, 422],
  },
  {
    route: bookingIcsRoute, tags: ['bookings'],
    responses: { 200: { description: 'RFC 5545 invitation (METHOD REQUEST or CANCEL)', contentType: 'text/calendar', schema: z.string() } },
    errors: [400, 401, 404],
  },
  { route: setAllowanceRoute, tags: ['allowance'], responses: { 200: ALLOWANCE }, errors: [400, 401, 403, 404, 413, 415] },
  { route: getAllowanceRoute, tags: ['allowance'], responses: { 200: ALLOWANCE }, errors: [400, 401, 403, 404] },
  {
    route: listOrganisationsRoute, tags: ['allowance'],
    responses: { 200: { description: 'Every organisation by name, with this quarter\'s allowance and use', schema: OrganisationListSchema } }, errors: [401, 403],
  },
];
