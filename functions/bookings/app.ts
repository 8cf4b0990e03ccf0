import type { Clock } from '../core/clock.ts';
import { functionApp, idempotencyKey, onlyRoles, signedIn, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import type { OrganisationNames } from '../core/organisations.ts';
import { mount } from '../core/route.ts';
import { allowanceService } from './allowance-service.ts';
import { bookingInvitation, invitationMethod } from './calendar.ts';
import { canonicalZone } from '../core/zone.ts';
import { expertsService } from './experts-service.ts';
import type { TicketOwnership } from './ports.ts';
import {
  bookingIcsRoute, cancelBookingRoute, createBookingRoute, getAllowanceRoute, getAvailabilityRoute, getBookingRoute, getProfileRoute, listBookingsRoute, listExpertsRoute, listOrganisationsRoute,
  rescheduleBookingRoute, setAllowanceRoute, setAvailabilityRoute, setProfileRoute, slotsRoute,
} from './routes.ts';
import { bookingService } from './service.ts';
import type { BookingStore } from './store.ts';
import type { BookingRecord } from './domain/model.ts';
import { bookingView, expertView, ownProfileView } from './views.ts';

export interface BookingsAppDeps {
  store: BookingStore;
  tickets: TicketOwnership;
  clock: Clock;
  verifier: IdentityVerifier;
  /** The requester's organisation by name, as the pages show it (cached per instance by the wiring). */
  organisationName: OrganisationNames;
}

/** Adds the mentoring rows of the API contract (experts, slots, bookings, allowances) to an API app. */
export function registerBookingRoutes(app: ApiApp, deps: BookingsAppDeps): ApiApp {
  const bookings = bookingService(deps);
  const experts = expertsService(deps);
  const allowances = allowanceService(deps);
  const auth = signedIn(deps.verifier);
  const optionalDate = (value: string | undefined) => (value === undefined ? undefined : new Date(value));
  const view = async (record: BookingRecord) => bookingView(record, await deps.organisationName(record.orgId));

  mount(app, listExpertsRoute, [auth], async (c) => {
    const ranked = await experts.list(c.req.valid('query'));
    const filtered = Object.values(c.req.valid('query')).some(Boolean);
    return c.json({ items: ranked.map(({ expert, score }) => expertView(expert, filtered ? score : undefined)) }, 200);
  });

  mount(app, getProfileRoute, [auth, onlyRoles('expert')], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(ownProfileView(await experts.profileOf(c.var.principal)), 200);
  });

  mount(app, setProfileRoute, [auth, onlyRoles('expert')], async (c) => {
    return c.json(ownProfileView(await experts.setProfile(c.var.principal, c.req.valid('json'))), 200);
  });

  mount(app, setAvailabilityRoute, [auth, onlyRoles('expert')], async (c) => {
    const body = c.req.valid('json');
    return c.json(await experts.setAvailability(c.var.principal, { ...body, timeZone: canonicalZone(body.timeZone) }), 200);
  });

  mount(app, getAvailabilityRoute, [auth, onlyRoles('expert')], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await experts.availabilityOf(c.var.principal), 200);
  });

  mount(app, slotsRoute, [auth], async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await experts.slots(c.req.valid('param').id, { from: optionalDate(from), to: optionalDate(to) }), 200);
  });

  mount(app, createBookingRoute, [auth, onlyRoles('requester')], async (c) => {
    const { booking, replayed } = await bookings.create(c.var.principal, c.req.valid('json'), idempotencyKey(c));
    c.header('Location', `/api/bookings/${booking.id}`);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(await view(booking), 201);
  });

  mount(app, listBookingsRoute, [auth], async (c) => {
    const page = await bookings.list(c.var.principal, c.req.valid('query'));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: await Promise.all(page.items.map(view)), ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
  });

  mount(app, getBookingRoute, [auth], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await view(await bookings.get(c.var.principal, c.req.valid('param').id)), 200);
  });

  mount(app, cancelBookingRoute, [auth], async (c) => {
    const booking = await bookings.cancel(c.var.principal, c.req.valid('param').id, c.req.valid('json').reason);
    return c.json(await view(booking), 200);
  });

  mount(app, rescheduleBookingRoute, [auth], async (c) => {
    const booking = await bookings.reschedule(c.var.principal, c.req.valid('param').id, c.req.valid('json').start);
    return c.json(await view(booking), 200);
  });

  mount(app, bookingIcsRoute, [auth], async (c) => {
    const booking = await bookings.get(c.var.principal, c.req.valid('param').id);
    return c.body(bookingInvitation(booking), 200, {
      'Content-Type': `text/calendar; charset=utf-8; method=${invitationMethod(booking)}`,
      'Content-Disposition': `attachment; filename="mentoring-${booking.id}.ics"`,
      'Cache-Control': 'private, no-store',
    });
  });

  mount(app, setAllowanceRoute, [auth, onlyRoles('coordinator')], async (c) => {
    return c.json(await allowances.set(c.req.valid('param').id, c.req.valid('json').minutes), 200);
  });

  mount(app, listOrganisationsRoute, [auth, onlyRoles('coordinator')], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: await allowances.list() }, 200);
  });

  mount(app, getAllowanceRoute, [auth, onlyRoles('requester', 'coordinator')], async (c) => {
    return c.json(await allowances.get(c.var.principal, c.req.valid('param').id), 200);
  });

  return app;
}

export const createBookingsApp = functionApp(registerBookingRoutes);
