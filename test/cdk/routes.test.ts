// API Gateway's routes (derived from functions/api-functions.ts) against the routes the function apps really
// register: every operation must reach the function that serves it, the way an HTTP API picks a route, and
// a path no function claims is an error, not a fall-through.
import { describe, expect, it } from 'vitest';
import { API_FUNCTIONS, API_FUNCTION_NAMES, type ApiFunctionName } from '../../functions/api-functions.ts';
import { API_WIRING } from '../../functions/api-wiring.ts';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { createApiApp } from '../../functions/core/http.ts';
import { createLogger } from '../../functions/core/logger.ts';
import { API_ROUTES, routeKey, routingErrors, selectRoute, type ApiRoute, type Operation } from '../../cdk/routes.ts';

/** Registering routes must not call the clock or the verifier; anything that tries fails the test loudly. */
const untouchable = new Proxy({}, { get: (_target, property) => { throw new Error(`dependency used at registration: ${String(property)}`); } });
// A client for an address nothing listens on: wiring builds the stores, and a store that called it would fail.
const db = createDocumentClient({ region: 'local', endpoint: 'http://127.0.0.1:9' });

function registeredOperations(name: ApiFunctionName): Operation[] {
  const app = createApiApp({ logger: createLogger('routes-test'), maxBodyBytes: 1024 });
  API_WIRING[name].wire(app, { db, tableName: 'routes-test', clock: untouchable as never, verifier: untouchable as never, blobs: untouchable as never });
  const keys = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`));
  return [...keys].map((key) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, path };
  });
}

const FUNCTION_OPERATIONS = Object.fromEntries(API_FUNCTION_NAMES.map((name) => [name, registeredOperations(name)])) as Record<ApiFunctionName, Operation[]>;

describe('API Gateway routes', () => {
  it('select routes the way an HTTP API does', () => {
    expect(routeKey(selectRoute('GET', '/api/health')!)).toBe('GET /api/health');
    expect(routeKey(selectRoute('GET', '/api/experts/x/slots')!)).toBe('ANY /api/experts/{proxy+}');
    expect(routeKey(selectRoute('GET', '/api/experts')!)).toBe('ANY /api/experts');
    // Routing's two expert paths are specific routes, matched before bookings' greedy one.
    expect(routeKey(selectRoute('PUT', '/api/experts/me/absences')!)).toBe('ANY /api/experts/me/absences');
    expect(routeKey(selectRoute('GET', '/api/experts/me/availability')!)).toBe('ANY /api/experts/{proxy+}');
    expect(routeKey(selectRoute('PUT', '/api/me/notifications')!)).toBe('ANY /api/me/notifications');
    expect(selectRoute('GET', '/idp/jwks')).toBeUndefined();
  });

  it('route nothing that no function claims: no catch-all, no other method on a public route', () => {
    expect(API_ROUTES.map((route) => route.path)).not.toContain('/api/{proxy+}');
    expect(selectRoute('GET', '/api/unknown')).toBeUndefined();
    expect(selectRoute('POST', '/api/health')).toBeUndefined();
    expect(selectRoute('POST', '/api/dev/login')).toBeUndefined();
  });

  for (const name of API_FUNCTION_NAMES) {
    it(`send every operation the ${name} function registers to it`, () => {
      expect(FUNCTION_OPERATIONS[name].length).toBeGreaterThanOrEqual(3);
      expect(routingErrors({ [name]: FUNCTION_OPERATIONS[name] })).toEqual([]);
    });
  }

  it('give routing its own function: settings, the roster, an expert\'s own support hours and absences', () => {
    const routingOps = FUNCTION_OPERATIONS.routing.map((op) => `${op.method} ${op.path}`);
    expect(routingOps).toEqual(expect.arrayContaining(['PUT /api/settings/routing', 'GET /api/routing/experts', 'PUT /api/experts/me/absences']));
    expect(FUNCTION_OPERATIONS.tickets.map((op) => op.path).filter((path) => /^\/api\/(settings|routing|experts)/.test(path))).toEqual([]);
    expect(selectRoute('PUT', '/api/settings/sla')?.target).toBe('routing');
    expect(selectRoute('POST', '/api/routing/experts/u-ana/reassign')?.target).toBe('routing');
    expect(selectRoute('GET', '/api/experts/me/support-hours')?.target).toBe('routing');
    expect(selectRoute('GET', '/api/experts/u-ana')?.target).toBe('bookings');
    expect(selectRoute('POST', '/api/tickets')?.target).toBe('tickets');
  });

  it('give the notification routes their own function', () => {
    expect(FUNCTION_OPERATIONS.notifications.map((op) => `${op.method} ${op.path}`)).toContain('GET /api/me/notifications');
    expect(FUNCTION_OPERATIONS.tickets.map((op) => op.path)).not.toContain('/api/me/notifications');
    expect(selectRoute('POST', '/api/notifications/parked/x/replay')?.target).toBe('notifications');
  });

  it('open only the analytics event routes, never the report, and only for POST', () => {
    expect(selectRoute('POST', '/api/analytics/search')).toMatchObject({ target: 'analytics', public: true, method: 'POST' });
    expect(selectRoute('POST', '/api/analytics/feedback')).toMatchObject({ target: 'analytics', public: true });
    expect(selectRoute('GET', '/api/analytics/report')).toMatchObject({ target: 'analytics', public: false });
    expect(selectRoute('GET', '/api/analytics/search')).toMatchObject({ public: false });
    for (const route of API_ROUTES.filter((r) => r.public && r.method === 'POST')) expect(route.throttle, routeKey(route)).toBeDefined();
  });

  it('give the attachments their own function, the most specific match beating the tickets\' {proxy+}', () => {
    expect(routeKey(selectRoute('POST', '/api/tickets/t1/attachments')!)).toBe('ANY /api/tickets/{id}/attachments');
    expect(routeKey(selectRoute('POST', '/api/tickets/t1/attachments/a1/complete')!)).toBe('ANY /api/tickets/{id}/attachments/{proxy+}');
    expect(selectRoute('GET', '/api/tickets/t1/attachments/a1')?.target).toBe('attachments');
    expect(selectRoute('GET', '/api/tickets/t1')?.target).toBe('tickets');
    expect(selectRoute('POST', '/api/tickets/t1/messages')?.target).toBe('tickets');
    expect(selectRoute('GET', '/api/tickets/t1/attachmentsx')?.target).toBe('tickets');
    expect(FUNCTION_OPERATIONS.tickets.map((op) => op.path).filter((path) => path.includes('attachments'))).toEqual([]);
  });

  it('report an operation whose path no function claims, instead of letting another function have it', () => {
    const withoutStats: ApiRoute[] = API_ROUTES.filter((route) => route.path !== '/api/stats');
    expect(routingErrors(FUNCTION_OPERATIONS, withoutStats)).toEqual(['GET /api/stats (served by tickets) is routed nowhere: claim it in functions/api-functions.ts']);
    const claimedByBookings = [...withoutStats, { method: 'ANY' as const, path: '/api/stats', target: 'bookings' as const, public: false }];
    expect(routingErrors(FUNCTION_OPERATIONS, claimedByBookings)).toEqual([expect.stringMatching(/^GET \/api\/stats \(served by tickets\) is routed to bookings by ANY \/api\/stats/)]);
  });

  it('report a route claimed by two functions', () => {
    const twice = [...API_ROUTES, { method: 'ANY' as const, path: '/api/tickets', target: 'bookings' as const, public: false }];
    expect(routingErrors({}, twice)).toEqual(['ANY /api/tickets is claimed by more than one function']);
  });

  it('leave public only operations the functions serve without a token, each with its reason', () => {
    for (const route of API_ROUTES.filter((r) => r.public)) {
      expect(FUNCTION_OPERATIONS[route.target].map((op) => `${op.method} ${op.path}`), routeKey(route)).toContain(`${route.method} ${route.path}`);
    }
    for (const fn of Object.values(API_FUNCTIONS)) for (const route of fn.publicRoutes) expect(route.reason.length).toBeGreaterThan(40);
  });
});
