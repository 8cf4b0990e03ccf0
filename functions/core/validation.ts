import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import type { ApiEnv } from './http.ts';
import { problems, type FieldError } from './problem.ts';
import { plainIssueMessage, type IssueLike } from './validation-messages.ts';

// zod/mini leaves messages to the application ("Invalid input"); every issue is said in a form's words
// (validation-messages.ts): "Must have at least 3 characters." No zod locale is loaded: none of its notation showed.
z.config({ customError: (issue) => plainIssueMessage(issue as IssueLike) });

/** Turns zod issues into per-field errors ("subject", "weekly.0.start"). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string[] = []): FieldError[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    return { field: path.length ? path.join('.') : '(body)', message: issue.message };
  });
}

/** application/json and its +json kin (merge-patch+json), whatever the parameters (charset). */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.-]+\+)?json$/;
const mediaTypeOf = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** A Content-Encoding that leaves the bytes as sent (none, or "identity"): the only one the functions read. */
const IDENTITY_CODING = /^\s*(?:identity\s*)?$/i;

/**
 * The JSON body: 415 for another media type (or a body sent without one) or a compressed body, 400 when it does
 * not parse. No body and no Content-Type reads as `{}`, so an all-optional body (a cancellation reason) may be left out.
 */
export async function jsonBody(c: Context): Promise<unknown> {
  // A gzip body was read as text and refused as "not valid JSON", which sends the caller to look at their JSON.
  // 415 is what RFC 7694 gives an unsupported content coding; the API takes none, so it says which one it saw.
  const contentEncoding = c.req.header('content-encoding');
  if (contentEncoding !== undefined && !IDENTITY_CODING.test(contentEncoding)) {
    throw problems.unsupportedMediaType(`Send the body uncompressed: Content-Encoding "${contentEncoding.trim()}" is not accepted.`);
  }
  const contentType = c.req.header('content-type');
  if (contentType === undefined) {
    if ((await c.req.text()).length > 0) throw problems.unsupportedMediaType('Send JSON with Content-Type: application/json.');
    return {};
  }
  if (!JSON_MEDIA_TYPE.test(mediaTypeOf(contentType))) throw problems.unsupportedMediaType('Send JSON with Content-Type: application/json.');
  let prototypeKey = false;
  let body: unknown;
  try {
    // JSON.parse keeps a "__proto__" key as an own property, which a schema's record then drops without a word
    // (a routing category named so answered 200): it is refused by name instead.
    body = JSON.parse(await c.req.text(), (key, value) => {
      if (key === '__proto__') prototypeKey = true;
      return value;
    });
  } catch {
    throw problems.badRequest('The request body is not valid JSON.');
  }
  if (prototypeKey) throw problems.invalid([{ field: '__proto__', message: 'This name cannot be used as a key.' }]);
  return body;
}

/** Query parameters as strings, or string lists where a name repeats (as Hono's own validator reads them). */
function queryOf(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

interface RequestSchemas {
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
}

/**
 * Validates path parameters, query and body against the route's schemas and hands the parsed values to the
 * handler (`c.req.valid('param' | 'query' | 'json')`). Every invalid field is reported in one 400.
 */
export function validateRequest(schemas: RequestSchemas): MiddlewareHandler<ApiEnv> {
  const targets = [
    ['param', schemas.params, (c: Context) => c.req.param()],
    ['query', schemas.query, queryOf],
    ['json', schemas.body, jsonBody],
  ] as const;
  const present = targets.filter(([, schema]) => schema !== undefined);
  return async (c, next) => {
    const errors: FieldError[] = [];
    for (const [target, schema, read] of present) {
      const result = z.safeParse(schema!, await read(c));
      if (result.success) c.req.addValidatedData(target, result.data as object);
      else errors.push(...fieldErrors(result.error.issues));
    }
    if (errors.length) throw problems.invalid(errors);
    await next();
  };
}
