import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from '../../functions/api-document.ts';
import { PROBLEM_TYPES, type ProblemCode } from '../../functions/core/problem.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: false }); });
afterAll(async () => { await stack?.close(); });

const operationsOf = (document: { paths: Record<string, Record<string, unknown>> }) =>
  Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)).sort();

describe('the OpenAPI document', () => {
  it('describes every operation the local API serves, and is the document the build writes for AWS', async () => {
    const served = await (await stack.call('GET', '/api/openapi.json')).json();
    const registered = [...new Set(stack.server.api.routes
      .filter((route) => route.method !== 'ALL' && route.path !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`))].sort();
    expect(operationsOf(served)).toEqual(registered);
    expect(apiDocument()).toEqual(served);
  });

  it('carries the request schemas and the problem responses', async () => {
    const document = apiDocument() as any;
    const create = document.paths['/api/tickets'].post;
    expect(create.requestBody.content['application/json'].schema).toBeDefined();
    expect(create.responses['400'].content['application/problem+json']).toBeDefined();
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/bookings'].post).toBeDefined();
  });

  it('resolves every $ref to a component, and names a schema twice only where its input and output differ', () => {
    const document = apiDocument() as any;
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const name of refs) expect(document.components.schemas, name).toHaveProperty([name]);
    const names = Object.keys(document.components.schemas);
    expect(names.filter((name) => /(Input|Output)$/.test(name))).toEqual(['AvailabilityInput']);
    // A default makes a field optional when sent and always present when answered.
    expect(document.components.schemas.AvailabilityInput.required).not.toContain('bufferMinutes');
    expect(document.components.schemas.Availability.required).toContain('bufferMinutes');
  });

  it('describes a shared schema where it is used, not everywhere: the withdrawal\'s userId note stays there', () => {
    const note = 'Coordinators: whose addresses';
    const document = JSON.stringify(apiDocument());
    expect(document.split(note)).toHaveLength(2);
    const schemas = (apiDocument() as any).components.schemas;
    expect(schemas.ReplyAddressesWithdrawal.properties.userId.description).toContain(note);
  });

  it('lists path, query and header parameters with their schemas', () => {
    const document = apiDocument() as any;
    const reply = document.paths['/api/tickets/{id}/messages'].post;
    expect(reply.parameters).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'string' }) }),
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    ]));
    const list = document.paths['/api/tickets'].get.parameters;
    expect(list.find((parameter: any) => parameter.name === 'limit')).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } });
    expect(document.paths['/api/health'].get.security).toEqual([]);
  });

  it('lets responses and problems grow (no additionalProperties: false), keeps bodies strict, and spares clients zod\'s date pattern', () => {
    const document = apiDocument() as any;
    const { schemas } = document.components;
    expect(JSON.stringify([schemas.Ticket, schemas.Booking, schemas.Problem])).not.toContain('"additionalProperties":false');
    expect(schemas.Problem.additionalProperties).not.toBe(false);
    expect(schemas.NewTicket.additionalProperties).toBe(false);
    expect(schemas.NewBooking.properties.start).toEqual(expect.objectContaining({ type: 'string', format: 'date-time' }));
    expect(schemas.NewBooking.properties.start.pattern).toBeUndefined();
    // A body whose fields are all optional may be left out; one with required fields may not.
    expect(document.paths['/api/bookings/{id}/cancel'].post.requestBody.required).toBe(false);
    expect(document.paths['/api/bookings'].post.requestBody.required).toBe(true);
  });

  it('names the problem codes each operation can answer under their status, and lists every code', () => {
    const document = apiDocument() as any;
    expect(document.components.schemas.ProblemCode.enum).toEqual(Object.keys(PROBLEM_TYPES));
    expect(document.components.schemas.Problem.properties.code).toEqual({ $ref: '#/components/schemas/ProblemCode' });
    const codesOf = (path: string, method: string, status: number): string[] =>
      document.paths[path][method].responses[status].content['application/problem+json'].schema.allOf[1].properties.code.enum;
    expect(codesOf('/api/bookings', 'post', 409)).toEqual(expect.arrayContaining(['slot.taken']));
    expect(codesOf('/api/bookings', 'post', 422)).toEqual(expect.arrayContaining(['allowance.spent', 'slot.not-offered']));
    expect(codesOf('/api/tickets/{id}', 'patch', 422)).toEqual(expect.arrayContaining(['ticket.transition']));
    expect(codesOf('/api/tickets/{id}', 'patch', 412)).toEqual(['stale']);
    for (const operations of Object.values(document.paths) as any[]) {
      for (const operation of Object.values(operations) as any[]) {
        for (const [status, response] of Object.entries(operation.responses) as Array<[string, any]>) {
          const codes: ProblemCode[] = response.content?.['application/problem+json']?.schema.allOf[1].properties.code.enum ?? [];
          for (const code of codes) expect(PROBLEM_TYPES[code].status, code).toBe(Number(status));
        }
      }
    }
  });
});
