/**
 * Which function answers which part of /api, as data the stack builds routes from and the tests check.
 * API Gateway picks the most specific match, so the catch-all only gets what no other route claims.
 * The local server's dev login (/api/dev/*) and identity provider (/idp/*) are never routed: in AWS,
 * /api/dev/* falls to the catch-all behind the authorizer and the deployed tickets function has no such route.
 */
export type ApiFunctionName = 'tickets' | 'bookings';

export interface ApiRoute {
  /** `ANY` or an HTTP method. */
  method: 'ANY' | 'GET';
  path: string;
  target: ApiFunctionName;
  /** Public routes skip the JWT authorizer; the function still decides what anonymous callers get. */
  public: boolean;
}

const owned = (target: ApiFunctionName, paths: string[]): ApiRoute[] => paths.map((path) => ({ method: 'ANY', path, target, public: false }));

export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/health', target: 'tickets', public: true },
  ...owned('bookings', ['/api/experts', '/api/experts/{proxy+}', '/api/bookings', '/api/bookings/{proxy+}', '/api/orgs', '/api/orgs/{proxy+}']),
  ...owned('tickets', ['/api/me', '/api/tickets', '/api/tickets/{proxy+}', '/api/{proxy+}']),
];

export function routeKey(route: Pick<ApiRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
