import type { IdentityVerifier } from '../core/identity.ts';
import { onlyRoles, signedIn, type ApiApp } from '../core/http.ts';
import type { Principal } from '../core/principal.ts';
import { mount } from '../core/route.ts';
import type { TicketToRoute } from './domain/assign.ts';
import type { ExpertTickets } from './ports.ts';
import {
  deleteSupportHoursRoute, getAbsencesRoute, getRoutingRoute, getServiceHoursRoute, getSlaRoute, getSupportHoursRoute, listRoutingExpertsRoute,
  putAbsencesRoute, putExpertAbsencesRoute, putRoutingRoute, putServiceHoursRoute, putSlaRoute, putSupportHoursRoute, reassignRoute,
} from './routes.ts';
import type { RoutingAdmin } from './admin.ts';

/** What routing's routes need of tickets, implemented by the tickets service (history and counters kept there). */
export interface RoutingTicketsPort extends ExpertTickets {
  /** The ticket as routing sees it (category, topic, system, requester's language, priority). */
  toRoute(ticketId: string): Promise<TicketToRoute | undefined>;
  /** Assigns (or unassigns) as `actor`, recording `reason` in the ticket's events. */
  reassign(actor: Principal, ticketId: string, assignee: { id: string; name: string } | null, reason: string): Promise<void>;
}

export interface RoutingAppDeps {
  routing: RoutingAdmin;
  tickets: RoutingTicketsPort;
  verifier: IdentityVerifier;
}

/** Settings (service hours, SLA, routing), experts' support hours and absences, the coordinators' roster view. */
export function registerRoutingRoutes(app: ApiApp, { routing, tickets, verifier }: RoutingAppDeps): ApiApp {
  const auth = signedIn(verifier);
  const staff = onlyRoles('expert', 'coordinator');
  const coordinators = onlyRoles('coordinator');

  mount(app, getServiceHoursRoute, [auth, staff], async (c) => c.json((await routing.rules()).calendar, 200));
  mount(app, putServiceHoursRoute, [auth, coordinators], async (c) => c.json((await routing.putSetting('service-hours', c.req.valid('json'))).calendar, 200));
  // The targets are the promise made to requesters: anyone signed in reads them (the new-ticket form shows them).
  mount(app, getSlaRoute, [auth], async (c) => c.json((await routing.rules()).policy, 200));
  mount(app, putSlaRoute, [auth, coordinators], async (c) => c.json((await routing.putSetting('sla', c.req.valid('json'))).policy, 200));
  mount(app, getRoutingRoute, [auth, staff], async (c) => c.json((await routing.rules()).routing, 200));
  mount(app, putRoutingRoute, [auth, coordinators], async (c) => c.json((await routing.putSetting('routing', c.req.valid('json'))).routing, 200));

  mount(app, getSupportHoursRoute, [auth, staff], async (c) => c.json(await routing.supportHoursOf(c.var.principal.id), 200));
  mount(app, putSupportHoursRoute, [auth, staff], async (c) => {
    await routing.setSupportHours(c.var.principal.id, c.req.valid('json'));
    return c.json(await routing.supportHoursOf(c.var.principal.id), 200);
  });
  mount(app, deleteSupportHoursRoute, [auth, staff], async (c) => {
    await routing.setSupportHours(c.var.principal.id, null);
    return c.json(await routing.supportHoursOf(c.var.principal.id), 200);
  });
  mount(app, getAbsencesRoute, [auth, staff], async (c) => c.json({ absences: await routing.absencesOf(c.var.principal.id) }, 200));
  mount(app, putAbsencesRoute, [auth, staff], async (c) => {
    const { absences } = c.req.valid('json');
    await routing.setAbsences(c.var.principal.id, absences, false);
    return c.json({ absences }, 200);
  });

  mount(app, listRoutingExpertsRoute, [auth, staff], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ experts: await routing.experts(c.var.principal, tickets) }, 200);
  });
  mount(app, putExpertAbsencesRoute, [auth, coordinators], async (c) => {
    const { absences } = c.req.valid('json');
    await routing.setAbsences(c.req.valid('param').id, absences, true);
    return c.json({ absences }, 200);
  });
  mount(app, reassignRoute, [auth, coordinators], async (c) => {
    const plans = await routing.reassignments(c.req.valid('param').id, c.req.valid('json').to, tickets, (id) => tickets.toRoute(id));
    for (const plan of plans) {
      await tickets.reassign(c.var.principal, plan.ticketId, plan.assigneeId ? { id: plan.assigneeId, name: plan.assigneeName! } : null, plan.reason);
    }
    return c.json({ reassigned: plans.map(({ ticketId, reference, assigneeId, reason }) => ({ ticketId, reference, assigneeId, reason })) }, 200);
  });
  return app;
}
