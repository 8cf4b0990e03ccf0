/**
 * API Gateway's routes, derived from the manifest of API functions (functions/api-functions.ts), and the
 * check that keeps the two honest: every operation a function serves must reach that function the way an
 * HTTP API picks a route. There is no catch-all: a path no function claims is not routed, and synth fails
 * if a function serves one. The local server's dev login (/api/dev/*) and identity provider (/idp/*) are
 * never routed.
 */
import { API_FUNCTIONS, API_FUNCTION_NAMES, type ApiFunctionName } from '../functions/api-functions.ts';

export type { ApiFunctionName };

export interface ApiRoute {
  /** `ANY` or an HTTP method. */
  method: 'ANY' | 'GET' | 'POST';
  path: string;
  target: ApiFunctionName;
  /** Public routes skip the JWT authorizer; the function still decides what anonymous callers get. */
  public: boolean;
  /** Route throttling below the stage's (public routes that take writes from anyone). */
  throttle?: { rateLimit: number; burstLimit: number };
}

export const API_ROUTES: readonly ApiRoute[] = API_FUNCTION_NAMES.flatMap((target): ApiRoute[] => [
  ...API_FUNCTIONS[target].publicRoutes.map((route): ApiRoute => ({ method: route.method, path: route.path, target, public: true, ...('throttle' in route ? { throttle: route.throttle } : {}) })),
  ...API_FUNCTIONS[target].paths.map((path) => ({ method: 'ANY' as const, path, target, public: false })),
]);

export function routeKey(route: Pick<ApiRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/**
 * HTTP API route selection: an exact path beats one with path variables (`{id}`: one segment), which beats a
 * greedy `{proxy+}` one; among those, the more literal segments win (so `/api/tickets/{id}/attachments/{proxy+}`
 * beats `/api/tickets/{proxy+}`), and a route for the method beats ANY on the same path.
 */
export function selectRoute(method: string, path: string, routes: readonly ApiRoute[] = API_ROUTES): ApiRoute | undefined {
  const methodMatches = (route: ApiRoute) => route.method === 'ANY' || route.method === method;
  const byMethod = (a: ApiRoute, b: ApiRoute) => Number(b.method !== 'ANY') - Number(a.method !== 'ANY');
  const exact = routes.filter((route) => route.path === path && methodMatches(route)).sort(byMethod);
  if (exact[0]) return exact[0];
  const segments = path.split('/');
  const literals = (route: ApiRoute) => route.path.split('/').filter((part) => !part.startsWith('{')).length;
  const matches = (route: ApiRoute, greedy: boolean) => {
    const parts = route.path.split('/');
    if (greedy ? segments.length < parts.length : segments.length !== parts.length) return false;
    return parts.every((part, i) => (part === '{proxy+}' ? i === parts.length - 1 : part.startsWith('{') ? segments[i] !== '' : part === segments[i]));
  };
  const bySpecificity = (a: ApiRoute, b: ApiRoute) => literals(b) - literals(a) || byMethod(a, b);
  const isGreedy = (route: ApiRoute) => route.path.endsWith('/{proxy+}');
  const templated = routes.filter((route) => !isGreedy(route) && methodMatches(route) && matches(route, false)).sort(bySpecificity);
  if (templated[0]) return templated[0];
  return routes.filter((route) => isGreedy(route) && methodMatches(route) && matches(route, true)).sort(bySpecificity)[0];
}

/** An operation a function serves: `GET` and a path template (`/api/tickets/{id}` or Hono's `/api/tickets/:id`). */
export interface Operation {
  method: string;
  path: string;
}

/** `/api/tickets/{id}/messages` → `/api/tickets/id/messages`: a concrete request path for the template. */
const samplePath = (template: string) => template.replace(/\{(\w+)\}|:(\w+)/g, (_match, braced, colon) => braced ?? colon);

/**
 * What is wrong with the routes: a route key claimed twice, or an operation API Gateway would send to
 * another function or to none. Empty when every operation reaches the function that serves it.
 */
export function routingErrors(operations: Partial<Record<ApiFunctionName, readonly Operation[]>>, routes: readonly ApiRoute[] = API_ROUTES): string[] {
  const errors: string[] = [];
  const keys = routes.map(routeKey);
  for (const key of new Set(keys.filter((key, i) => keys.indexOf(key) !== i))) errors.push(`${key} is claimed by more than one function`);
  for (const [target, served] of Object.entries(operations) as Array<[ApiFunctionName, readonly Operation[]]>) {
    for (const { method, path } of served) {
      const route = selectRoute(method.toUpperCase(), samplePath(path), routes);
      if (route?.target !== target) {
        errors.push(`${method.toUpperCase()} ${path} (served by ${target}) is routed ${route ? `to ${route.target} by ${routeKey(route)}` : 'nowhere'}: claim it in functions/api-functions.ts`);
      }
    }
  }
  return errors;
}
