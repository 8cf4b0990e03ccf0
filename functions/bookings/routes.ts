import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity } from '../core/http.ts';
import { errorResponses, jsonBody } from '../core/schemas.ts';
import {
  AllowanceBody, AllowanceSchema, AvailabilityBody, BookingListSchema, BookingParams, BookingSchema, CancelBody,
  CreateBookingBody, ExpertParams, ExpertProfileBody, ExpertSchema, OwnProfileSchema, ListBookingsQuery, ListExpertsQuery, OrganisationListSchema, OrgParams, RescheduleBody,
  SlotListSchema, SlotsQuery,
} from './schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({ description: 'Retries with the same key return the first result.' }),
});
const base = { security: bearerSecurity } as const;

export const listExpertsRoute = createRoute({
  ...base, method: 'get', path: '/api/experts', tags: ['experts'],
  request: { query: ListExpertsQuery },
  responses: { 200: json(z.object({ items: z.array(ExpertSchema) }), 'Matching experts, best match first'), ...errorResponses(400, 401) },
});

export const setProfileRoute = createRoute({
  ...base, method: 'put', path: '/api/experts/me', tags: ['experts'],
  request: { body: jsonBody(ExpertProfileBody) },
  responses: { 200: json(OwnProfileSchema, 'Stored; the meeting link is shown to you and to those who book'), ...errorResponses(400, 401, 403, 413, 415) },
});

export const getProfileRoute = createRoute({
  ...base, method: 'get', path: '/api/experts/me', tags: ['experts'],
  description: 'What the profile editor starts from.',
  responses: { 200: json(OwnProfileSchema, 'Your profile, with your meeting link'), ...errorResponses(401, 403, 404) },
});

export const setAvailabilityRoute = createRoute({
  ...base, method: 'put', path: '/api/experts/me/availability', tags: ['experts'],
  request: { body: jsonBody(AvailabilityBody) },
  responses: { 200: json(AvailabilityBody, 'Stored'), ...errorResponses(400, 401, 403, 413, 415) },
});

export const getAvailabilityRoute = createRoute({
  ...base, method: 'get', path: '/api/experts/me/availability', tags: ['experts'],
  description: 'What the availability editor starts from.',
  responses: { 200: json(AvailabilityBody, 'The availability you published'), ...errorResponses(401, 403, 404) },
});

export const slotsRoute = createRoute({
  ...base, method: 'get', path: '/api/experts/{id}/slots', tags: ['experts'],
  request: { params: ExpertParams, query: SlotsQuery },
  responses: { 200: json(SlotListSchema, 'Free slots in UTC; the range is capped by notice and horizon'), ...errorResponses(400, 401, 404) },
});

export const createBookingRoute = createRoute({
  ...base, method: 'post', path: '/api/bookings', tags: ['bookings'],
  request: { headers: IdempotencyHeader, body: jsonBody(CreateBookingBody) },
  responses: {
    201: json(BookingSchema, 'Booked (or the first result of a retried Idempotency-Key); carries the meeting link'),
    ...errorResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const listBookingsRoute = createRoute({
  ...base, method: 'get', path: '/api/bookings', tags: ['bookings'],
  request: { query: ListBookingsQuery },
  responses: { 200: json(BookingListSchema, 'Upcoming: soonest first; past and cancelled: latest first'), ...errorResponses(400, 401) },
});

export const getBookingRoute = createRoute({
  ...base, method: 'get', path: '/api/bookings/{id}', tags: ['bookings'],
  request: { params: BookingParams },
  responses: { 200: json(BookingSchema, 'The booking'), ...errorResponses(400, 401, 404) },
});

export const cancelBookingRoute = createRoute({
  ...base, method: 'post', path: '/api/bookings/{id}/cancel', tags: ['bookings'],
  request: { params: BookingParams, body: jsonBody(CancelBody) },
  responses: { 200: json(BookingSchema, 'Cancelled; the slot and the minutes are free again'), ...errorResponses(400, 401, 404, 409, 413, 415, 422) },
});

export const rescheduleBookingRoute = createRoute({
  ...base, method: 'post', path: '/api/bookings/{id}/reschedule', tags: ['bookings'],
  request: { params: BookingParams, body: jsonBody(RescheduleBody) },
  responses: { 200: json(BookingSchema, 'Moved to the new slot'), ...errorResponses(400, 401, 404, 409, 413, 415, 422) },
});

export const bookingIcsRoute = createRoute({
  ...base, method: 'get', path: '/api/bookings/{id}/ics', tags: ['bookings'],
  request: { params: BookingParams },
  responses: {
    200: { description: 'RFC 5545 invitation (METHOD REQUEST or CANCEL)', content: { 'text/calendar': { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

export const setAllowanceRoute = createRoute({
  ...base, method: 'put', path: '/api/orgs/{id}/allowance', tags: ['allowance'],
  request: { params: OrgParams, body: jsonBody(AllowanceBody) },
  responses: { 200: json(AllowanceSchema, 'Minutes per calendar quarter, and this quarter\'s use'), ...errorResponses(400, 401, 403, 404, 413, 415) },
});

export const getAllowanceRoute = createRoute({
  ...base, method: 'get', path: '/api/orgs/{id}/allowance', tags: ['allowance'],
  request: { params: OrgParams },
  responses: { 200: json(AllowanceSchema, 'Minutes per calendar quarter, and this quarter\'s use'), ...errorResponses(400, 401, 403, 404) },
});

export const listOrganisationsRoute = createRoute({
  ...base, method: 'get', path: '/api/orgs', tags: ['allowance'],
  responses: { 200: json(OrganisationListSchema, 'Every organisation by name, with this quarter\'s allowance and use'), ...errorResponses(401, 403) },
});
