import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyJson, malformedJson, mutated } from '../support/bad-input.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { countItems } from '../support/table.ts';
import { etagOf, openTicket, validTicket } from '../support/tickets.ts';

let stack: TestStack;
let ticketId: string;
beforeAll(async () => {
  stack = await startTestStack({ seed: true });
  ticketId = (await openTicket(stack, AS.maria)).id;
});
afterAll(async () => { await stack?.close(); });

async function expectCleanRefusal(response: Response, itemsBefore: number, allowSuccess: boolean): Promise<void> {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    expect(problem).toMatchObject({ status: response.status, title: expect.any(String), type: expect.any(String) });
    if (response.status === 400 && problem.errors) expect(problem.errors[0].field).toEqual(expect.any(String));
    expect(await countItems(stack)).toBe(itemsBefore);
  } else {
    expect(allowSuccess).toBe(true);
  }
}

const WRITES = [
  { name: 'POST /api/tickets', method: 'POST', path: () => '/api/tickets', as: AS.maria, valid: validTicket, headers: async () => ({}) },
  { name: 'POST /api/tickets/:id/messages', method: 'POST', path: () => `/api/tickets/${ticketId}/messages`, as: AS.ana, valid: { body: 'Try this', internal: true }, headers: async () => ({}) },
  { name: 'POST /api/deflections', method: 'POST', path: () => '/api/deflections', as: AS.lea, valid: { guide: 'slurm-basics', section: 'quick-start' }, headers: async () => ({}) },
  { name: 'PATCH /api/tickets/:id', method: 'PATCH', path: () => `/api/tickets/${ticketId}`, as: AS.coord, valid: { priority: 'high', status: 'open' }, headers: async () => ({ 'if-match': await etagOf(stack, ticketId) }) },
];

describe.each(WRITES)('$name with bad input', ({ method, path, as, valid, headers }) => {
  it('answers malformed JSON with 400 problem+json and writes nothing', async () => {
    await fc.assert(fc.asyncProperty(malformedJson, async (raw) => {
      const before = await countItems(stack);
      const response = await stack.call(method, path(), { as, rawBody: raw, headers: await headers() });
      expect(response.status).toBe(400);
      await expectCleanRefusal(response, before, false);
    }), { numRuns: 25 });
  });

  it('answers wrong types, missing fields, unknown fields and odd Unicode with a 4xx and writes nothing', async () => {
    await fc.assert(fc.asyncProperty(mutated(valid), async (body) => {
      const before = await countItems(stack);
      const response = await stack.call(method, path(), { as, body, headers: await headers() });
      // A mutation can still be valid (another valid subject, say): then it must simply succeed.
      await expectCleanRefusal(response, before, true);
    }), { numRuns: 60 });
  });

  it('answers any JSON value as the whole body without a 5xx', async () => {
    await fc.assert(fc.asyncProperty(anyJson, async (body) => {
      const before = await countItems(stack);
      await expectCleanRefusal(await stack.call(method, path(), { as, body, headers: await headers() }), before, false);
    }), { numRuns: 30 });
  });

  it('answers an oversized body with 413', async () => {
    const before = await countItems(stack);
    const response = await stack.call(method, path(), { as, body: { ...valid, body: 'x'.repeat(200_000) }, headers: await headers() });
    expect(response.status).toBe(413);
    await expectCleanRefusal(response, before, false);
  });

  it('answers a non-JSON content type with 415', async () => {
    const before = await countItems(stack);
    const response = await stack.call(method, path(), { as, rawBody: 'subject=x', headers: { ...(await headers()), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
    await expectCleanRefusal(response, before, false);
  });

  it('answers a gzip body with 415 naming Content-Encoding (core/validation.ts, for every capability)', async () => {
    const before = await countItems(stack);
    const rawBody = gzipSync(JSON.stringify(valid));
    const response = await stack.call(method, path(), { as, rawBody, headers: { ...(await headers()), 'content-encoding': 'gzip' } });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await response.clone().json()).detail).toMatch(/Content-Encoding "gzip"/);
    await expectCleanRefusal(response, before, false);
  });
});

describe('bad input on reads and headers', () => {
  it('names the field at fault', async () => {
    const response = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { ...validTicket, subject: 'ab' } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: 'subject', message: expect.any(String) }]);
  });

  it('takes JSON whatever the media type\'s spelling and parameters, and refuses look-alikes with 415', async () => {
    const send = (contentType: string) => stack.call('POST', '/api/tickets', {
      as: AS.maria, rawBody: JSON.stringify({ ...validTicket, subject: `Sent as ${contentType}` }), headers: { 'content-type': contentType },
    });
    for (const accepted of ['application/json ; charset=utf-8', 'Application/JSON', 'application/json;', 'application/vnd.api+json']) {
      expect((await send(accepted)).status, accepted).toBe(201);
    }
    for (const refused of ['application/x-json', 'text/json', 'application/jsonp', 'text/plain; a=application/json']) {
      expect((await send(refused)).status, refused).toBe(415);
    }
  });

  it('reports every invalid field at once, in words a form can show', async () => {
    const { body: _omitted, ...withoutBody } = validTicket;
    const created = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { ...withoutBody, category: 'nope' } });
    expect(created.status).toBe(400);
    const { errors } = await created.json();
    expect(errors).toEqual([
      { field: 'body', message: 'Required.' },
      { field: 'category', message: expect.stringMatching(/^Must be one of "[a-z-]+", .* or "[a-z-]+"\.$/) },
    ]);
    const listed = await stack.call('GET', '/api/tickets?limit=abc&status=new,bogus', { as: AS.ana });
    expect(listed.status).toBe(400);
    expect((await listed.json()).errors).toEqual([
      { field: 'status.1', message: expect.stringMatching(/^Must be one of "new", .* or "closed"\.$/) },
      { field: 'limit', message: 'Must be a number.' },
    ]);
  });

  it('refuses odd query strings without a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.record({ status: fc.string(), limit: fc.string(), cursor: fc.string(), assignee: fc.string(), system: fc.string() }, { requiredKeys: [] }), async (query) => {
      const qs = new URLSearchParams(query as Record<string, string>).toString();
      const response = await stack.call('GET', `/api/tickets?${qs}`, { as: AS.coord });
      expect(response.status === 200 || response.status === 400).toBe(true);
    }), { numRuns: 60 });
  });

  it('answers tampered cursors that still name the right partition with 400, never 500', async () => {
    const encode = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const requesterPartition = { gsi1pk: 'ORG#aurora-ai#TICKETS' };
    const fixed = [
      { ...requesterPartition, gsi1sk: 5 },
      requesterPartition,
      { ...requesterPartition, gsi1sk: '', pk: '', sk: '' },
      { ...requesterPartition, gsi1sk: 'x', pk: 'TICKET#x', sk: 'TICKET', extra: 'y' },
    ];
    for (const key of fixed) {
      expect((await stack.call('GET', `/api/tickets?cursor=${encode(key)}`, { as: AS.maria })).status).toBe(400);
    }
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom('pk', 'sk', 'gsi5sk', 'gsi2pk', 'x'), anyJson), async (junk) => {
      const staff = await stack.call('GET', `/api/tickets?cursor=${encode({ ...junk, gsi5pk: 'TICKETS' })}`, { as: AS.coord });
      expect([200, 400]).toContain(staff.status);
      const requester = await stack.call('GET', `/api/tickets?cursor=${encode({ ...junk, ...requesterPartition })}`, { as: AS.maria });
      expect([200, 400]).toContain(requester.status);
    }), { numRuns: 60 });
  });

  it('requires If-Match on PATCH (428) and refuses a stale one (412)', async () => {
    const ticket = await openTicket(stack, AS.maria);
    expect((await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: AS.ana, body: { priority: 'high' } })).status).toBe(428);
    expect((await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: AS.ana, body: { priority: 'high' }, headers: { 'if-match': '"v99"' } })).status).toBe(412);
    expect((await stack.call('PATCH', `/api/tickets/${ticket.id}`, { as: AS.ana, body: { priority: 'high' }, headers: { 'if-match': 'garbage' } })).status).toBe(412);
  });

  it('refuses an unknown or malformed ticket id with 404 or 400', async () => {
    expect((await stack.call('GET', '/api/tickets/doesnotexist', { as: AS.coord })).status).toBe(404);
    expect((await stack.call('GET', '/api/tickets/..%2F..%2Fetc', { as: AS.coord })).status).toBe(400);
  });

  it('refuses a bad Idempotency-Key', async () => {
    const response = await stack.call('POST', '/api/tickets', { as: AS.maria, body: validTicket, headers: { 'idempotency-key': 'ü'.repeat(10) } });
    expect(response.status).toBe(400);
  });
});
