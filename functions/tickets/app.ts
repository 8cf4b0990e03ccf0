import { languageOf } from '../core/locale.ts';
import type { OrganisationNames, OrganisationProfiles } from '../core/organisations.ts';
import { mount } from '../core/route.ts';
import { functionApp, etagFor, idempotencyKey, onlyRoles, signedIn, versionFromIfMatch, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import { directoryUpdate } from '../core/users.ts';
import {
  addMessageRoute, createTicketRoute, figuresRoute, getTicketRoute, healthRoute, listTicketsRoute, meRoute, patchTicketRoute,
  recordDeflectionRoute,
} from './routes.ts';
import { ticketFigures } from './figures.ts';
import { ticketService, type TicketDeps, type TicketService } from './service.ts';
import { versionSeenBy } from './domain/visibility.ts';
import { ticketDetail, ticketSummary } from './views.ts';

export interface TicketsAppDeps extends TicketDeps {
  verifier: IdentityVerifier;
  /** For /me: the requester's organisation by name, as pages show it, and its default language. */
  organisation: OrganisationProfiles;
  /** The organisation's name on every ticket answered (cached per instance by the wiring). */
  organisationName: OrganisationNames;
}

/** Adds the tickets rows of the API contract (plus health and /me) to an API app. */
export function registerTicketRoutes(app: ApiApp, deps: TicketsAppDeps, tickets: TicketService = ticketService(deps)): ApiApp {
  const auth = signedIn(deps.verifier);
  const now = () => deps.clock.now();
  // Every ticket names its organisation as people know it ("Aurora AI"), not by its id.
  const orgName = deps.organisationName;

  mount(app, healthRoute, [], (c) => c.json({ status: 'ok' as const }, 200));

  mount(app, meRoute, [auth], async (c) => {
    const principal = c.var.principal;
    const existing = await deps.users.get(principal.id);
    const update = directoryUpdate(principal, existing);
    const [org] = await Promise.all([
      principal.orgId ? deps.organisation(principal.orgId) : undefined,
      update ? deps.users.put(update) : undefined,
    ]);
    // The web app shows its labels in `language` and offers the browser's zone when `timeZone` is absent.
    return c.json({
      ...principal, ...(org?.name ? { orgName: org.name } : {}),
      language: languageOf(existing?.lang, org?.lang), ...(existing?.timeZone ? { timeZone: existing.timeZone } : {}),
    }, 200);
  });

  mount(app, createTicketRoute, [auth, onlyRoles('requester')], async (c) => {
    const [{ ticket, replayed }, rules] = await Promise.all([tickets.create(c.var.principal, c.req.valid('json'), idempotencyKey(c)), tickets.slaRules()]);
    c.header('ETag', etagFor(versionSeenBy(ticket, c.var.principal)));
    c.header('Location', `/api/tickets/${ticket.id}`);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(ticketDetail(ticket, now(), c.var.principal, { rules, orgName: await orgName(ticket.orgId) }), 201);
  });

  mount(app, listTicketsRoute, [auth], async (c) => {
    const { status, priority, category, ...query } = c.req.valid('query');
    const [page, rules] = await Promise.all([tickets.list(c.var.principal, { ...query, statuses: status, priorities: priority, categories: category }), tickets.slaRules()]);
    const at = now();
    const names = new Map(await Promise.all([...new Set(page.items.map((t) => t.orgId))].map(async (id) => [id, await orgName(id)] as const)));
    return c.json({ items: page.items.map((ticket) => ticketSummary(ticket, at, c.var.principal, rules, names.get(ticket.orgId))), ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
  });

  mount(app, getTicketRoute, [auth], async (c) => {
    const [{ ticket, messages }, rules] = await Promise.all([tickets.get(c.var.principal, c.req.valid('param').id), tickets.slaRules()]);
    c.header('ETag', etagFor(versionSeenBy(ticket, c.var.principal)));
    c.header('Cache-Control', 'private, no-store');
    const includeEvents = c.req.valid('query').include === 'events';
    return c.json(ticketDetail(ticket, now(), c.var.principal, { messages, includeEvents, rules, orgName: await orgName(ticket.orgId) }), 200);
  });

  mount(app, addMessageRoute, [auth], async (c) => {
    const [{ message, ticket, replayed }, rules] = await Promise.all([
      tickets.addMessage(c.var.principal, c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c)), tickets.slaRules(),
    ]);
    c.header('ETag', etagFor(versionSeenBy(ticket, c.var.principal)));
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json({ message, ticket: ticketDetail(ticket, now(), c.var.principal, { rules, orgName: await orgName(ticket.orgId) }) }, 201);
  });

  mount(app, patchTicketRoute, [auth], async (c) => {
    const principal = c.var.principal;
    const expected = versionFromIfMatch(c);
    const [ticket, rules] = await Promise.all([tickets.patch(principal, c.req.valid('param').id, c.req.valid('json'), expected), tickets.slaRules()]);
    c.header('ETag', etagFor(versionSeenBy(ticket, c.var.principal)));
    return c.json(ticketDetail(ticket, now(), principal, { rules, orgName: await orgName(ticket.orgId) }), 200);
  });

  mount(app, recordDeflectionRoute, [auth, onlyRoles('requester')], async (c) => {
    const { id } = await tickets.recordDeflection(c.var.principal, c.req.valid('json'));
    return c.json({ id }, 201);
  });

  const figures = ticketFigures(deps.store, deps.clock, tickets.slaRules);
  mount(app, figuresRoute, [auth, onlyRoles('coordinator')], async (c) => {
    c.header('Cache-Control', 'private, max-age=60');
    return c.json(await figures(c.req.valid('query').days), 200);
  });

  return app;
}

export const createTicketsApp = functionApp(registerTicketRoutes);
