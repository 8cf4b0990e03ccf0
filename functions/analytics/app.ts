import { onlyRoles, signedIn, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import { mount } from '../core/route.ts';
import type { BucketRule } from './domain/token-bucket.ts';
import { feedbackRoute, reportRoute, searchEventRoute } from './routes.ts';
import { analyticsService, type AnalyticsDeps } from './service.ts';
import { requestSource } from './source.ts';
import { throttleBySource } from './throttle.ts';

export interface AnalyticsAppDeps extends AnalyticsDeps {
  verifier: IdentityVerifier;
  eventsPerSource: BucketRule;
  /** The value CloudFront sends in X-Origin-Verify (source.ts); unset (the local server): no header is believed. */
  edgeSecret?: string;
}

/**
 * Readers' anonymous events (public: the static site has no sign-in) and the coordinators' report. An event
 * answers 202 with no body: nothing comes back that a page could use to tell readers apart.
 */
export function registerAnalyticsRoutes(app: ApiApp, deps: AnalyticsAppDeps): ApiApp {
  const analytics = analyticsService(deps);
  const throttle = throttleBySource(deps.eventsPerSource, () => deps.clock.now().getTime(), requestSource(deps.edgeSecret));

  mount(app, searchEventRoute, [throttle], async (c) => {
    await analytics.recordSearch(c.req.valid('json'));
    return c.body(null, 202);
  });

  mount(app, feedbackRoute, [throttle], async (c) => {
    await analytics.recordFeedback(c.req.valid('json'));
    return c.body(null, 202);
  });

  mount(app, reportRoute, [signedIn(deps.verifier), onlyRoles('coordinator')], async (c) => {
    const days = c.req.valid('query').days;
    c.header('Cache-Control', 'private, max-age=60');
    // Deflections (readers who left the ticket form after a suggested guide) are the tickets function's figures.
    return c.json({ ...(await analytics.report(days)), deflections: `/api/stats?days=${days}` }, 200);
  });

  return app;
}
