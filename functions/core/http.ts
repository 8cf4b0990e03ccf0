import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Logger } from './logger.ts';
import type { IdentityVerifier } from './identity.ts';
import { bearerToken } from './identity.ts';
import { hasRole, type Principal, type PrincipalOf, type Role } from './principal.ts';
import { PROBLEM_CONTENT_TYPE, problemOfViolation, problems, ProblemError, type Problem } from './problem.ts';
import { isUnavailable, RETRY_AFTER_SECONDS } from './unavailable.ts';
import { Violation } from './violation.ts';

export interface ApiEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}

export type ApiApp = Hono<ApiEnv>;

export interface ApiAppOptions {
  logger: Logger;
  maxBodyBytes: number;
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}

const HTTP_EXCEPTION_PROBLEMS: Record<number, (detail?: string) => ProblemError> = {
  400: (detail) => problems.badRequest(detail ?? 'The request body is not valid JSON.'),
  401: (detail) => problems.unauthorized(detail),
  413: () => problems.tooLarge(),
  415: () => problems.unsupportedMediaType('Send JSON with Content-Type: application/json.'),
};

/**
 * The base every function's app is built on: request id, structured request log, body size limit,
 * problem+json for every error (validation, broken business rules, framework and unexpected ones alike).
 */
export function createApiApp({ logger, maxBodyBytes }: ApiAppOptions): ApiApp {
  const app = new Hono<ApiEnv>();

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', async (c, next) => {
    // One shared logger; the request id goes on each record (a child logger per request costs measurable CPU).
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.var.principal?.id,
    });
  });
  app.use('*', limitBody(maxBodyBytes));

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem);
    if (error instanceof Violation) return problemResponse(problemOfViolation(error));
    if (error instanceof HTTPException) {
      const toProblem = HTTP_EXCEPTION_PROBLEMS[error.status];
      if (toProblem) return problemResponse(toProblem(error.status === 400 ? undefined : error.message).problem);
    }
    // The caller went away mid-body (Node's "aborted", or a reset of their own connection, which carries no SDK
    // metadata): their doing, not ours, so no 5xx and no error to alarm on. Checked before storage errors.
    if (c.req.raw.signal.aborted || ((error as NodeJS.ErrnoException).code === 'ECONNRESET' && !('$metadata' in (error as object)))) {
      logger.warn('client aborted the request', { requestId: c.var.requestId, method: c.req.method, path: c.req.path });
      return problemResponse(problems.badRequest('The request was aborted before its body arrived in full.').problem);
    }
    if (isUnavailable(error)) {
      // Storage throttled or unreachable after the SDK's retries: nothing is broken, the client may try again
      // (a create with the same Idempotency-Key gets the first result if the write landed after all).
      logger.warn('storage unavailable', { requestId: c.var.requestId, error: error as Error });
      const problem = problems.unavailable('The service is busy or briefly unreachable; try again in a moment.').problem;
      return problemResponse(problem, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }
    // Unexpected: log the details for us, return nothing internal to the caller.
    logger.error('unhandled error', { requestId: c.var.requestId, error: error as Error });
    return problemResponse(problems.internal(`Something went wrong on our side (request ${c.var.requestId ?? 'unknown'}).`).problem);
  });
  app.notFound((c) => problemResponse(problems.notFound(`No route ${c.req.method} ${c.req.path}.`).problem));
  return app;
}

/** 413 problem for a body over `maxBytes`, read no further (also a chunked body, which has no length). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: () => problemResponse(problems.tooLarge(`That is too much to send at once: at most ${Math.floor(maxBytes / 1024)} KB.`).problem) });
}

/** Verifies the bearer token and puts the principal on the context; 401 without a valid one. */
export function signedIn(verifier: IdentityVerifier): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('principal', await verifier.verify(bearerToken(c.req.header('authorization'))));
    await next();
  };
}

/**
 * Route middleware that lets through only principals of type P. The type is never set at run time: `mount` reads
 * it so that the handler after the guard gets the narrowed principal.
 */
export type Guard<P extends Principal> = MiddlewareHandler<ApiEnv> & { readonly admits?: P };

/** Route middleware: 403 unless the signed-in caller has one of the roles (checked before the body is validated). */
export function onlyRoles<const R extends Role>(...roles: R[]): Guard<PrincipalOf<R>> {
  return async (c, next) => {
    requireRole(c.var.principal, ...roles);
    await next();
  };
}

/** 403 unless the caller has one of the roles. */
export function requireRole<R extends Role>(principal: Principal, ...roles: R[]): asserts principal is PrincipalOf<R> {
  if (!hasRole(principal, roles)) {
    throw problems.forbidden(`This needs the role ${roles.join(' or ')}.`);
  }
}

export function etagFor(version: number): string {
  return `"v${version}"`;
}

/** The version an If-Match names; 428 when absent, 412 when it cannot be ours. */
export function versionFromIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw problems.preconditionRequired('Send If-Match with the ETag you read.');
  const match = header.trim().match(/^(?:W\/)?"v(\d{1,9})"$/);
  if (!match?.[1]) throw problems.preconditionFailed('If-Match does not name a version of this item.');
  return Number(match[1]);
}

export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(key)) {
    throw problems.invalid([{ field: 'Idempotency-Key', message: 'Use 1 to 128 visible ASCII characters.' }]);
  }
  return key;
}

/** A function's standalone app (Lambda): the base app plus that function's routes. */
export function functionApp<Deps>(register: (app: ApiApp, deps: Deps) => ApiApp): (deps: Deps & ApiAppOptions) => ApiApp {
  return (deps) => register(createApiApp(deps), deps);
}
