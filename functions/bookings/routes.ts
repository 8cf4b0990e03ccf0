import { defineRoute } from '../core/route.ts';
import {
  AllowanceBody, AvailabilityBody, BookingParams, CancelBody, CreateBookingBody, ExpertParams, ExpertProfileBody, ListBookingsQuery, ListExpertsQuery, OrgParams,
  RescheduleBody, SlotsQuery,
} from './schemas.ts';

export const listExpertsRoute = defineRoute({ method: 'get', path: '/api/experts', query: ListExpertsQuery });
export const setProfileRoute = defineRoute({ method: 'put', path: '/api/experts/me', body: ExpertProfileBody });
export const getProfileRoute = defineRoute({ method: 'get', path: '/api/experts/me' });
export const setAvailabilityRoute = defineRoute({ method: 'put', path: '/api/experts/me/availability', body: AvailabilityBody });
export const getAvailabilityRoute = defineRoute({ method: 'get', path: '/api/experts/me/availability' });
export const slotsRoute = defineRoute({ method: 'get', path: '/api/experts/{id}/slots', params: ExpertParams, query: SlotsQuery });
export const createBookingRoute = defineRoute({ method: 'post', path: '/api/bookings', body: CreateBookingBody });
export const listBookingsRoute = defineRoute({ method: 'get', path: '/api/bookings', query: ListBookingsQuery });
export const getBookingRoute = defineRoute({ method: 'get', path: '/api/bookings/{id}', params: BookingParams });
export const cancelBookingRoute = defineRoute({ method: 'post', path: '/api/bookings/{id}/cancel', params: BookingParams, body: CancelBody });
export const rescheduleBookingRoute = defineRoute({ method: 'post', path: '/api/bookings/{id}/reschedule', params: BookingParams, body: RescheduleBody });
export const bookingIcsRoute = defineRoute({ method: 'get', path: '/api/bookings/{id}/ics', params: BookingParams });
export const setAllowanceRoute = defineRoute({ method: 'put', path: '/api/orgs/{id}/allowance', params: OrgParams, body: AllowanceBody });
export const getAllowanceRoute = defineRoute({ method: 'get', path: '/api/orgs/{id}/allowance', params: OrgParams });
export const listOrganisationsRoute = defineRoute({ method: 'get', path: '/api/orgs' });
