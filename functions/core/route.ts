import type { Context, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type { ApiApp, ApiEnv } from './http.ts';
import type { Principal } from './principal.ts';
import { validateRequest } from './validation.ts';

type Schema = z.ZodMiniType;

/**
 * Where a row of the API contract is served and what its request must look like, validated at run time.
 * What it answers is documented apart (each function's `docs.ts`, read by core/openapi.ts at build time), so
 * a function carries its validators but neither response schemas nor a document generator.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template: `/api/tickets/{id}`. */
  path: `/api/${string}`;
  params?: Schema;
  query?: Schema;
  body?: Schema;
}

/** Keeps a spec's literal types (its schemas), so handlers get typed `c.req.valid(...)`. */
export const defineRoute = <const R extends RouteSpec>(spec: R): R => spec;

type OutputOf<S> = S extends Schema ? z.output<S> : never;

export interface RouteInput<R extends RouteSpec> {
  out: { param: OutputOf<R['params']>; query: OutputOf<R['query']>; json: OutputOf<R['body']> };
}

/** The context a handler sees: its route's validated input, and the principal as narrow as its guards made it. */
type HandlerEnv<P extends Principal> = { Variables: Omit<ApiEnv['Variables'], 'principal'> & { principal: P } };

export type RouteHandler<R extends RouteSpec, P extends Principal = Principal> = (c: Context<HandlerEnv<P>, string, RouteInput<R>>) => Response | Promise<Response>;

/** What each guard of the list admits (`Guard<P>` in http.ts), all at once; plain middleware admits anyone. */
type Admitted<M extends readonly unknown[]> = M extends readonly [infer First, ...infer Rest]
  ? (First extends { readonly admits?: infer P } ? P : unknown) & Admitted<Rest>
  : unknown;

/** `/api/tickets/{id}` → `/api/tickets/:id` (Hono's syntax). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Serves a route: the given middleware first (sign-in and role checks, so a caller who may not call it learns
 * nothing about the body's rules), then the request validated against the spec, then the handler.
 */
export function mount<const R extends RouteSpec, const M extends readonly MiddlewareHandler<ApiEnv>[]>(
  app: ApiApp, spec: R, middleware: M, handler: RouteHandler<R, Principal & Admitted<M>>,
): void {
  const handlers = [...middleware, validateRequest(spec), handler as unknown as MiddlewareHandler<ApiEnv>];
  (app.on as (method: string, path: string, ...handlers: MiddlewareHandler<ApiEnv>[]) => ApiApp)(spec.method.toUpperCase(), honoPath(spec.path), ...handlers);
}
