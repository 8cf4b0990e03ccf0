import type { Context, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import type { ApiApp, ApiEnv } from './http.ts';
import { validateRequest } from './validation.ts';

type Schema = z.ZodMiniType;

/** What the OpenAPI document says a successful response carries. */
export interface ResponseDoc {
  description: string;
  schema?: Schema;
  /** Default application/json. */
  contentType?: string;
}

/**
 * One row of the API contract: where it is served, what the request must look like (validated at run time)
 * and what it answers (documentation only). The OpenAPI document is generated from these at build time, so
 * a function carries its validators but no document generator.
 */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template: `/api/tickets/{id}`. */
  path: `/api/${string}`;
  tags: string[];
  description?: string;
  /** Served without a token (health). Everything else needs a bearer token. */
  public?: boolean;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Request headers the operation reads, with what they mean. */
  headers?: Record<string, string>;
  responses: Record<number, ResponseDoc>;
  /** The problem statuses it can answer with. */
  errors: number[];
}

/** The header that makes a create or reply safe to retry. */
export const IDEMPOTENCY_HEADER = { 'Idempotency-Key': 'Retries with the same key return the first result.' };

/** Keeps a spec's literal types (its schemas), so handlers get typed `c.req.valid(...)`. */
export const defineRoute = <const R extends RouteSpec>(spec: R): R => spec;

type OutputOf<S> = S extends Schema ? z.output<S> : never;

export interface RouteInput<R extends RouteSpec> {
  out: { param: OutputOf<R['params']>; query: OutputOf<R['query']>; json: OutputOf<R['body']> };
}

export type RouteHandler<R extends RouteSpec> = (c: Context<ApiEnv, string, RouteInput<R>>) => Response | Promise<Response>;

/** `/api/tickets/{id}` → `/api/tickets/:id` (Hono's syntax). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Serves a route: the given middleware first (sign-in and role checks, so a caller who may not call it learns
 * nothing about the body's rules), then the request validated against the spec, then the handler.
 */
export function mount<const R extends RouteSpec>(app: ApiApp, spec: R, middleware: MiddlewareHandler<ApiEnv>[], handler: RouteHandler<R>): void {
  const handlers = [...middleware, validateRequest(spec), handler as unknown as MiddlewareHandler<ApiEnv>];
  (app.on as (method: string, path: string, ...handlers: MiddlewareHandler<ApiEnv>[]) => ApiApp)(spec.method.toUpperCase(), honoPath(spec.path), ...handlers);
}
