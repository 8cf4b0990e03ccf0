import { z } from '@hono/zod-openapi';

/** Text a person typed: well-formed Unicode (no lone surrogates, which DynamoDB cannot store) and no control characters but newlines and tabs. */
export function text(min: number, max: number) {
  return z.string()
    .refine((value) => value.isWellFormed(), 'Contains invalid Unicode.')
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'Contains control characters.')
    .refine((value) => value.trim().length >= min, `Must have at least ${min} characters.`)
    .refine((value) => value.length <= max, `Must have at most ${max} characters.`);
}

/** A one-line identifier typed by a person (project id, job id). */
export function shortText(max: number) {
  return z.string().trim().min(1).max(max).regex(/^[\p{L}\p{N} ._:\/#@+-]+$/u, 'Use letters, digits and . _ : / # @ + - only.');
}

export const Id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an id.');

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}).openapi('Problem');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input', 401: 'Not signed in', 403: 'Role not allowed', 404: 'Unknown, or not yours',
    409: 'Conflict', 412: 'Stale If-Match', 413: 'Body too large', 415: 'Not JSON', 422: 'Business rule',
    428: 'If-Match required', 429: 'Throttled',
  };
  return Object.fromEntries(statuses.map((status) => [status, { description: descriptions[status] ?? 'Error', content: problemContent }]));
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}
