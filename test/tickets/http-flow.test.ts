import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../functions/local/server.ts';
import { AS, startEngineServer } from '../support/stack.ts';

let server: LocalServer;
beforeAll(async () => {
  server = await startEngineServer({ seed: true });
});
afterAll(async () => { await server?.close(); });

async function http(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

async function login(email: string): Promise<string> {
  const response = await http('/api/dev/login', { method: 'POST', body: { email } });
  expect(response.status).toBe(200);
  return (await response.json()).token;
}

describe('a ticket over real HTTP through the local server', () => {
  it('login, create, an expert replies, the requester sees the reply', async () => {
    const maria = await login(AS.maria);
    const created = await http('/api/tickets', {
      method: 'POST', token: maria,
      body: { subject: 'HIP out of memory on LUMI', body: 'My job dies with `HIP out of memory`.', category: 'ai-training-and-inference', system: 'LUMI' },
    });
    expect(created.status).toBe(201);
    const ticket = await created.json();
    expect(ticket.reference).toMatch(/^HD-\d{4,}$/);
    // Routed on creation: AI training on LUMI is Ana's (Giulia knows AI training but not LUMI).
    expect(ticket.assigneeId).toBe('u-ana');

    const ana = await login(AS.ana);
    const queue = await (await http('/api/tickets?assignee=me&status=new', { token: ana })).json();
    expect(queue.items.map((t: { id: string }) => t.id)).toContain(ticket.id);
    const reply = await http(`/api/tickets/${ticket.id}/messages`, { method: 'POST', token: ana, body: { body: 'Reduce the micro-batch or use FSDP.' } });
    expect(reply.status).toBe(201);

    const seen = await (await http(`/api/tickets/${ticket.id}`, { token: maria })).json();
    expect(seen.status).toBe('open');
    expect(seen.firstResponseAt).toBeDefined();
    expect(seen.messages.map((m: { body: string; authorName: string }) => [m.authorName, m.body])).toEqual([['Ana García', 'Reduce the micro-batch or use FSDP.']]);
  });

  it('refuses a dev login for an unknown user, and serves the JWKS and the OpenAPI document', async () => {
    expect((await http('/api/dev/login', { method: 'POST', body: { email: 'mallory@evil.example' } })).status).toBe(404);
    const jwks = await (await http('/idp/.well-known/jwks.json')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const doc = await (await http('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/tickets/{id}', '/api/tickets/{id}/messages']));
    expect(doc.paths['/api/tickets'].post.requestBody.content['application/json'].schema).toBeDefined();
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const response = await http('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
