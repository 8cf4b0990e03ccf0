import * as z from 'zod/mini';
import { defineRoute, IDEMPOTENCY_HEADER } from '../core/route.ts';
import {
  AllowanceBody, AllowanceSchema, AvailabilityBody, BookingListSchema, BookingParams, BookingSchema, CancelBody,
  CreateBookingBody, ExpertParams, ExpertProfileBody, ExpertSchema, OwnProfileSchema, ListBookingsQuery, ListExpertsQuery, OrganisationListSchema, OrgParams, RescheduleBody,
  SlotListSchema, SlotsQuery,
} from './schemas.ts';

const ALLOWANCE = { description: 'Minutes per calendar quarter, and this quarter\'s use', schema: AllowanceSchema };

export const listExpertsRoute = defineRoute({
  method: 'get', path: '/api/experts', tags: ['experts'],
  query: ListExpertsQuery,
  responses: { 200: { description: 'Matching experts, best match first', schema: z.object({ items: z.array(ExpertSchema) }) } }, errors: [400, 401],
});

export const setProfileRoute = defineRoute({
  method: 'put', path: '/api/experts/me', tags: ['experts'],
  body: ExpertProfileBody,
  responses: { 200: { description: 'Stored; the meeting link is shown to you and to those who book', schema: OwnProfileSchema } },
  errors: [400, 401, 403, 413, 415],
});

export const getProfileRoute = defineRoute({
  method: 'get', path: '/api/experts/me', tags: ['experts'],
  description: 'What the profile editor starts from.',
  responses: { 200: { description: 'Your profile, with your meeting link', schema: OwnProfileSchema } }, errors: [401, 403, 404],
});

export const setAvailabilityRoute = defineRoute({
  method: 'put', path: '/api/experts/me/availability', tags: ['experts'],
  body: AvailabilityBody,
  responses: { 200: { description: 'Stored', schema: AvailabilityBody } }, errors: [400, 401, 403, 413, 415],
});

export const getAvailabilityRoute = defineRoute({
  method: 'get', path: '/api/experts/me/availability', tags: ['experts'],
  description: 'What the availability editor starts from.',
  responses: { 200: { description: 'The availability you published', schema: AvailabilityBody } }, errors: [401, 403, 404],
});

export const slotsRoute = defineRoute({
  method: 'get', path: '/api/experts/{id}/slots', tags: ['experts'],
  params: ExpertParams, query: SlotsQuery,
  responses: { 200: { description: 'Free slots in UTC; the range is capped by notice and horizon', schema: SlotListSchema } }, errors: [400, 401, 404],
});

export const createBookingRoute = defineRoute({
  method: 'post', path: '/api/bookings', tags: ['bookings'],
  headers: IDEMPOTENCY_HEADER, body: CreateBookingBody,
  responses: { 201: { description: 'Booked (or the first result of a retried Idempotency-Key); carries the meeting link', schema: BookingSchema } },
  errors: [400, 401, 403, 409, 413, 415, 422],
});

export const listBookingsRoute = defineRoute({
  method: 'get', path: '/api/bookings', tags: ['bookings'],
  query: ListBookingsQuery,
  responses: { 200: { description: 'Upcoming: soonest first; past and cancelled: latest first', schema: BookingListSchema } }, errors: [400, 401],
});

export const getBookingRoute = defineRoute({
  method: 'get', path: '/api/bookings/{id}', tags: ['bookings'],
  params: BookingParams,
  responses: { 200: { description: 'The booking', schema: BookingSchema } }, errors: [400, 401, 404],
});

export const cancelBookingRoute = defineRoute({
  method: 'post', path: '/api/bookings/{id}/cancel', tags: ['bookings'],
  params: BookingParams, body: CancelBody,
  responses: { 200: { description: 'Cancelled; the slot and the minutes are free again', schema: BookingSchema } },
  errors: [400, 401, 404, 409, 413, 415, 422],
});

export const rescheduleBookingRoute = defineRoute({
  method: 'post', path: '/api/bookings/{id}/reschedule', tags: ['bookings'],
  params: BookingParams, body: RescheduleBody,
  responses: { 200: { description: 'Moved to the new slot', schema: BookingSchema } }, errors: [400, 401, 404, 409, 413, 415, 422],
});

export const bookingIcsRoute = defineRoute({
  method: 'get', path: '/api/bookings/{id}/ics', tags: ['bookings'],
  params: BookingParams,
  responses: { 200: { description: 'RFC 5545 invitation (METHOD REQUEST or CANCEL)', contentType: 'text/calendar', schema: z.string() } },
  errors: [400, 401, 404],
});

export const setAllowanceRoute = defineRoute({
  method: 'put', path: '/api/orgs/{id}/allowance', tags: ['allowance'],
  params: OrgParams, body: AllowanceBody,
  responses: { 200: ALLOWANCE }, errors: [400, 401, 403, 404, 413, 415],
});

export const getAllowanceRoute = defineRoute({
  method: 'get', path: '/api/orgs/{id}/allowance', tags: ['allowance'],
  params: OrgParams,
  responses: { 200: ALLOWANCE }, errors: [400, 401, 403, 404],
});

export const listOrganisationsRoute = defineRoute({
  method: 'get', path: '/api/orgs', tags: ['allowance'],
  responses: { 200: { description: 'Every organisation by name, with this quarter\'s allowance and use', schema: OrganisationListSchema } }, errors: [401, 403],
});

export const bookingRoutes = [
  listExpertsRoute, setProfileRoute, getProfileRoute, setAvailabilityRoute, getAvailabilityRoute, slotsRoute, createBookingRoute, listBookingsRoute,
  getBookingRoute, cancelBookingRoute, rescheduleBookingRoute, bookingIcsRoute, setAllowanceRoute, getAllowanceRoute, listOrganisationsRoute,
];
