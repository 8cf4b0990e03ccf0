import type { Clock } from '../core/clock.ts';
import { onlyRoles, signedIn, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import { problems } from '../core/problem.ts';
import { mount } from '../core/route.ts';
import { violation } from '../core/violation.ts';
import { changePreferences, preferencesView } from './preferences.ts';
import { getPreferencesRoute, listParkedRoute, putPreferencesRoute, replayParkedRoute, withdrawReplyAddressesRoute } from './routes.ts';
import type { DeliveryRecord, NotifyStore } from './store.ts';

export interface NotificationRoutesDeps {
  store: NotifyStore;
  clock: Clock;
  verifier: IdentityVerifier;
  /** Voids a user's reply addresses sent until `at` (functions/inbound-mail keeps the instant); false: no such user. */
  withdrawReplyAddresses?: (userId: string, at: Date) => Promise<boolean>;
}

function parkedView(record: DeliveryRecord) {
  return {
    id: record.id, eventId: record.eventId, kind: record.kind, recipientId: record.recipientId, to: record.to.address,
    attempts: record.attempts, reason: record.parkedReason ?? 'failed' as const,
    ...(record.lastError ? { lastError: record.lastError } : {}),
    parkedAt: record.updatedAt, createdAt: record.createdAt,
  };
}

/**
 * Preferences (everyone) and the parked deliveries (coordinators). Served by the tickets function in AWS
 * (its catch-all /api/{proxy+}); the notifier itself has no HTTP entry.
 */
export function registerNotificationRoutes(app: ApiApp, deps: NotificationRoutesDeps): ApiApp {
  const auth = signedIn(deps.verifier);

  mount(app, getPreferencesRoute, [auth], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(preferencesView(await deps.store.getPreferences(c.var.principal.id), c.var.principal), 200);
  });

  mount(app, putPreferencesRoute, [auth], async (c) => {
    const principal = c.var.principal;
    const next = changePreferences(await deps.store.getPreferences(principal.id), c.req.valid('json'), principal);
    await deps.store.putPreferences(principal.id, next, deps.clock.now().toISOString());
    return c.json(preferencesView(next, principal), 200);
  });

  mount(app, listParkedRoute, [auth, onlyRoles('coordinator')], async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await deps.store.listParked(limit, cursor);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: page.items.map(parkedView), ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
  });

  mount(app, replayParkedRoute, [auth, onlyRoles('coordinator')], async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await deps.store.requeue(id, deps.clock.now().toISOString());
    if (outcome === 'unknown') throw problems.notFound(`No parked e-mail ${id}.`);
    if (outcome === 'not-parked') throw violation('mail.not-parked', 'This e-mail is no longer parked (queued, sending or sent).');
    return c.json({ id, state: 'queued' as const }, 202);
  });

  mount(app, withdrawReplyAddressesRoute, [auth], async (c) => {
    const principal = c.var.principal;
    const userId = c.req.valid('json').userId ?? principal.id;
    if (userId !== principal.id && principal.role !== 'coordinator') throw problems.forbidden('Only coordinators withdraw someone else\'s reply addresses.');
    const at = deps.clock.now();
    if (!deps.withdrawReplyAddresses || !(await deps.withdrawReplyAddresses(userId, at))) throw problems.notFound(`No user ${userId}.`);
    return c.json({ userId, withdrawnAt: at.toISOString() }, 200);
  });

  return app;
}
