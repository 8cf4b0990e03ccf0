/**
 * The OpenAPI 3.1 document, generated from the route specs (the same zod schemas that validate requests) at
 * build time and by the local server. The Lambda functions never import this module: they carry validators,
 * not a document generator.
 */
import * as z from 'zod/mini';
import type { ApiApp } from './http.ts';
import { PROBLEM_TYPES, type ProblemCode } from './problem.ts';
import type { RouteSpec } from './route.ts';
import { documented } from './schemas.ts';

export const API_DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'HPC AI Support Centre API',
    version: '1.0.0',
    description: 'Helpdesk tickets and mentoring bookings for SMEs using EuroHPC systems. Errors are application/problem+json (RFC 9457).',
  },
  servers: [{ url: '/' }],
} as const;

const PROBLEM_CODES = Object.keys(PROBLEM_TYPES) as ProblemCode[];

// Every problem type the API answers, as a list a client can branch on.
const ProblemCodeSchema = documented(z.enum(PROBLEM_CODES), {
  id: 'ProblemCode',
  description: `What went wrong, stable for clients to branch on; the problem's type is /problems/<code>. ${
    PROBLEM_CODES.map((code) => `${code}: ${PROBLEM_TYPES[code].status} ${PROBLEM_TYPES[code].title}`).join('; ')}.`,
});

// Loose: problems carry RFC 9457 extension members (`field`, `from`, `to`) beside the standard ones.
const ProblemSchema = documented(z.looseObject({
  type: z.string(),
  code: ProblemCodeSchema,
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
}), { id: 'Problem' });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input', 401: 'Not signed in', 403: 'Role not allowed', 404: 'Unknown, or not yours',
  409: 'Conflict', 412: 'Stale If-Match', 413: 'Body too large', 415: 'Not JSON, or compressed', 422: 'Business rule',
  428: 'If-Match required', 429: 'Throttled',
};

/** What a successful response carries. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodMiniType;
  /** Default application/json. */
  contentType?: string;
}

/** The documentation of one route: everything the OpenAPI document says beyond the request schemas. */
export interface RouteDoc {
  route: RouteSpec;
  tags: string[];
  description?: string;
  /** Served without a token (health). Everything else needs a bearer token. */
  public?: boolean;
  /** Request headers the operation reads, with what they mean. */
  headers?: Record<string, string>;
  responses: Record<number, ResponseDoc>;
  /** The problems it can answer with; the document groups them by status (core/problem.ts). */
  errors: ProblemCode[];
}

/** What any route with a JSON body can answer besides its own problems. */
export const BODY_PROBLEMS: ProblemCode[] = ['validation', 'bad-request', 'too-large', 'unsupported-media-type'];

/** The header that makes a create or reply safe to retry. */
export const IDEMPOTENCY_HEADER = { 'Idempotency-Key': 'Retries with the same key return the first result.' };

type JsonSchema = Record<string, unknown>;

/**
 * What a client reads best: a response may gain fields without breaking anyone (zod's output schemas would
 * forbid them), and a date-time says `format: date-time` without zod's 400-character pattern.
 */
function readable(io: 'input' | 'output') {
  return ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (io === 'output' && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
  };
}

/** Named schemas (`documented(..., { id })`) become components; one name may have an input and an output shape. */
function componentCollector() {
  const components: Record<string, JsonSchema> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  const rewriteRefs = (node: unknown, names: Map<string, string>): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, names));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
        const id = value.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${names.get(id) ?? id}`];
      }
      return [key, rewriteRefs(value, names)];
    }));
  };

  /** The JSON Schema of a request (`input`: defaults make fields optional) or response (`output`) schema. */
  function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _, $defs = {}, ...root } = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: readable(io) }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    // A name already taken by a different shape (a body's input beside the same schema's output) gets a suffix.
    const asIs = new Map(Object.keys($defs).map((id) => [id, id]));
    const names = new Map<string, string>();
    for (const [id, definition] of Object.entries($defs)) {
      const taken = components[id] !== undefined && !same(components[id], rewriteRefs(definition, asIs));
      names.set(id, taken ? `${id}${io === 'input' ? 'Input' : 'Output'}` : id);
    }
    for (const [id, definition] of Object.entries($defs)) {
      const name = names.get(id)!;
      const rewritten = rewriteRefs(definition, names) as JsonSchema;
      if (components[name] !== undefined && !same(components[name], rewritten)) throw new Error(`Two different schemas are both named ${name}.`);
      components[name] = rewritten;
    }
    return rewriteRefs(root, names) as JsonSchema;
  }

  return { components, schemaOf };
}

function parametersOf({ route: spec, headers: documentedHeaders }: RouteDoc, schemaOf: (schema: z.ZodMiniType, io: 'input') => JsonSchema) {
  const fromObject = (schema: z.ZodMiniType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const { properties = {}, required = [] } = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(properties).map(([name, property]) => {
      const { description, example, ...propertySchema } = property;
      return {
        name, in: where, required: where === 'path' || required.includes(name), schema: propertySchema,
        ...(description ? { description } : {}), ...(example !== undefined ? { example } : {}),
      };
    });
  };
  const headers = Object.entries(documentedHeaders ?? {}).map(([name, description]) => ({ name, in: 'header', required: false, description, schema: { type: 'string' } }));
  return [...fromObject(spec.params, 'path'), ...fromObject(spec.query, 'query'), ...headers];
}

function problemsByStatus(codes: readonly ProblemCode[]): Map<number, ProblemCode[]> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of new Set(codes)) {
    const { status } = PROBLEM_TYPES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

/** The document for the given routes. */
export function openApiDocument(docs: readonly RouteDoc[]) {
  const { components, schemaOf } = componentCollector();
  const problem = { $ref: '#/components/schemas/Problem' };
  schemaOf(ProblemSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) {
    const spec = doc.route;
    const parameters = parametersOf(doc, schemaOf);
    const responses: Record<string, unknown> = {};
    for (const [status, { description, schema, contentType = 'application/json' }] of Object.entries(doc.responses)) {
      responses[status] = { description, ...(schema ? { content: { [contentType]: { schema: schemaOf(schema, 'output') } } } : {}) };
    }
    for (const [status, codes] of problemsByStatus(doc.errors)) {
      const schema = { allOf: [problem, { properties: { code: { enum: codes } } }] };
      responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema } } };
    }
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = {
      tags: doc.tags,
      ...(doc.description ? { description: doc.description } : {}),
      security: doc.public ? [] : [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      // A body whose every field is optional may be left out (`{}` is what the server then reads).
      ...(spec.body ? { requestBody: { required: !z.safeParse(spec.body, {}).success, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    ...API_DOCUMENT_INFO,
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: components },
  };
}

/** Serves the document of the documented routes (the local server, which serves them all). */
export function serveOpenApiDocument(app: ApiApp, docs: readonly RouteDoc[]): ApiApp {
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/openapi.json', (c) => c.json(document ??= openApiDocument(docs)));
  return app;
}
