import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from '../../functions/api-document.ts';
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
});
