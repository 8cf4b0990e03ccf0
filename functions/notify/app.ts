import type { Clock } from '../core/clock.ts';
import { onlyRoles, signedIn, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import { problems } from '../core/problem.ts';
import { mount } from '../core/route.ts';
import { violation } from '../core/violation.ts';
import type { OrganisationLanguages } from '../core/organisations.ts';
import { directoryUpdate, type UserDirectory } from '../core/users.ts';
import { personalView } from './personal.ts';
import { changePreferences, preferencesView } from './preferences.ts';
import {
  getPersonalRoute, getPreferencesRoute, listParkedRoute, putPersonalRoute, putPreferencesRoute, replayParkedRoute, unsubscribePageRoute, unsubscribeRoute,
  withdrawReplyAddressesRoute,
} from './routes.ts';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page.ts';
import { verifiedUnsubscribe } from './unsubscribe.ts';
import type { DeliveryRecord, NotifyStore } from './store.ts';

export interface NotificationRoutesDeps {
  store: NotifyStore;
  clock: Clock;
  verifier: IdentityVerifier;
  users: UserDirectory;
  organisationLanguage: OrganisationLanguages;
  /** Verifies the one-click unsubscribe links; without it they answer 404. */
  unsubscribeSecret?: string;
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

  const personal = async (principal: { id: string; orgId?: string }) => {
    const [user, orgLanguage] = await Promise.all([deps.users.get(principal.id), principal.orgId ? deps.organisationLanguage(principal.orgId) : undefined]);
    return personalView(user, orgLanguage);
  };

  mount(app, getPersonalRoute, [auth], async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await personal(c.var.principal), 200);
  });

  mount(app, putPersonalRoute, [auth], async (c) => {
    const principal = c.var.principal;
    const { language, timeZone } = c.req.valid('json');
    const settings = { lang: language, timeZone };
    if (!(await deps.users.updateSettings(principal.id, settings))) {
      // Not in the directory yet (it is written on GET /api/me): enter them as their token says, then set.
      const entry = directoryUpdate(principal, undefined);
      if (!entry) throw problems.notFound('You are not in the directory yet; sign in again.');
      await deps.users.put(entry);
      await deps.users.updateSettings(principal.id, settings);
    }
    return c.json(await personal(principal), 200);
  });

  // One-click unsubscribe (RFC 8058): no sign-in, the link's signature names the user and the kind. A browser gets
  // pages (GET asks first, so a link scanner turns nothing off); a mail client's POST gets problem+json or 200.
  const linkKind = (link: { user: string; kind: string; sig: string }) => {
    if (!deps.unsubscribeSecret) throw problems.notFound('Unsubscribe links are not enabled here.');
    return verifiedUnsubscribe(deps.unsubscribeSecret, link);
  };
  const wantsHtml = (accept: string | undefined) => accept?.includes('text/html') ?? false;

  mount(app, unsubscribePageRoute, [], async (c) => {
    const kind = linkKind(c.req.valid('query'));
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return kind ? c.html(confirmPage(kind, new URL(c.req.url).pathname + new URL(c.req.url).search), 200) : c.html(invalidPage(), 403);
  });

  mount(app, unsubscribeRoute, [], async (c) => {
    const link = c.req.valid('query');
    const kind = linkKind(link);
    const html = wantsHtml(c.req.header('accept'));
    if (!kind) {
      if (html) return c.html(invalidPage(), 403);
      throw problems.forbidden('This unsubscribe link is not valid.');
    }
    const current = await deps.store.getPreferences(link.user);
    if (!current.off.includes(kind)) {
      await deps.store.putPreferences(link.user, { ...current, off: [...current.off, kind] }, deps.clock.now().toISOString());
    }
    c.header('Cache-Control', 'no-store');
    return html ? c.html(donePage(kind), 200) : c.json({ kind, state: 'off' as const }, 200);
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
