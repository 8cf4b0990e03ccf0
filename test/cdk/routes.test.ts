// API Gateway's routes (cdk/routes.ts) against the routes the function apps really register: every
// operation must reach the function that serves it, the way an HTTP API picks a route.
import { describe, expect, it } from 'vitest';
import { createApiApp, type ApiApp } from '../../functions/core/http.ts';
import { createLogger } from '../../functions/core/logger.ts';
import { registerBookingRoutes, type BookingsAppDeps } from '../../functions/bookings/app.ts';
import { registerNotificationRoutes, type NotificationRoutesDeps } from '../../functions/notify/app.ts';
import { registerTicketRoutes, type TicketsAppDeps } from '../../functions/tickets/app.ts';
import { API_ROUTES, routeKey, type ApiFunctionName, type ApiRoute } from '../../cdk/routes.ts';

/** Registering routes must not use the dependencies; anything that tries fails the test loudly. */
const untouchable = new Proxy({}, { get: (_target, property) => { throw new Error(`dependency used at registration: ${String(property)}`); } });
const deps = { store: untouchable, users: untouchable, clock: untouchable, verifier: untouchable, tickets: untouchable };

function registeredOperations(register: (app: ApiApp) => void): string[] {
  const app = createApiApp({ logger: createLogger('routes-test'), maxBodyBytes: 1024 });
  register(app);
  return [...new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
}

const FUNCTION_OPERATIONS: Record<ApiFunctionName, string[]> = {
  // The notifier has no HTTP entry: its preference and parked-delivery routes are the tickets function's (catch-all).
  tickets: registeredOperations((app) => {
    registerTicketRoutes(app, deps as unknown as TicketsAppDeps);
    registerNotificationRoutes(app, deps as unknown as NotificationRoutesDeps);
  }),
  bookings: registeredOperations((app) => registerBookingRoutes(app, deps as unknown as BookingsAppDeps)),
};

/**
 * HTTP API route selection: an exact path beats a greedy `{proxy+}` one, the longer greedy prefix wins,
 * and a route for the method beats ANY on the same path.
 */
function selectRoute(method: string, path: string, routes: readonly ApiRoute[] = API_ROUTES): ApiRoute | undefined {
  const methodMatches = (route: ApiRoute) => route.method === 'ANY' || route.method === method;
  const byMethod = (a: ApiRoute, b: ApiRoute) => Number(b.method !== 'ANY') - Number(a.method !== 'ANY');
  const exact = routes.filter((route) => route.path === path && methodMatches(route)).sort(byMethod);
  if (exact[0]) return exact[0];
  const greedy = routes
    .filter((route) => route.path.endsWith('/{proxy+}') && methodMatches(route))
    .filter((route) => path.startsWith(route.path.slice(0, -'{proxy+}'.length)) && path.length > route.path.length - '{proxy+}'.length)
    .sort((a, b) => b.path.length - a.path.length || byMethod(a, b));
  return greedy[0];
}

/** `/api/tickets/:id/messages` → `/api/tickets/id/messages`: a concrete request path for the template. */
const samplePath = (template: string) => template.replace(/:(\w+)/g, '$1');

describe('API Gateway routes', () => {
  it('select routes the way an HTTP API does', () => {
    expect(routeKey(selectRoute('GET', '/api/health')!)).toBe('GET /api/health');
    expect(routeKey(selectRoute('POST', '/api/health')!)).toBe('ANY /api/{proxy+}');
    expect(routeKey(selectRoute('GET', '/api/experts/x/slots')!)).toBe('ANY /api/experts/{proxy+}');
    expect(routeKey(selectRoute('GET', '/api/experts')!)).toBe('ANY /api/experts');
    expect(selectRoute('GET', '/idp/jwks')).toBeUndefined();
  });

  for (const [target, operations] of Object.entries(FUNCTION_OPERATIONS)) {
    it(`send every operation of the ${target} function to it`, () => {
      expect(operations.length).toBeGreaterThan(3);
      for (const operation of operations) {
        const [method, template] = operation.split(' ') as [string, string];
        const route = selectRoute(method, samplePath(template));
        expect(route?.target, `${operation} is routed by ${route ? routeKey(route) : 'nothing'}`).toBe(target);
      }
    });
  }

  it('leave public only operations the functions serve without a token', () => {
    for (const route of API_ROUTES.filter((r) => r.public)) {
      expect(FUNCTION_OPERATIONS[route.target], routeKey(route)).toContain(`${route.method} ${route.path}`);
    }
  });
});
