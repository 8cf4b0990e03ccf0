import { request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createLogger } from '../../functions/core/logger.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, startLocalServer, urlHost } from '../../functions/local/server.ts';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

// Outside review, findings 1 and 6: the demo login and the outbox are for a developer's own machine.
let stack: TestStack;
let root: string;
beforeAll(async () => {
  stack = await startTestStack({ seed: true });
  root = stack.server.url;
});
afterAll(async () => { await stack?.close(); });

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${root}${path}`, { method: 'POST', body, headers });

function mail(to: string, subject: string): OutgoingMail {
  return {
    from: { address: 'support@hpc-ai-support-centre.local', name: 'Support' }, to: { address: to, name: 'Someone' },
    subject, text: subject, html: `<p>${subject}</p>`, attachments: [], messageId: `${subject.replace(/\W/g, '')}@test`, date: new Date(),
  };
}

/** A POST on its own connection (a refused body ends its connection, which must not disturb the other tests). */
function postOnce(path: string, chunks: string[], headers: Record<string, string>): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${root}${path}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, type: String(response.headers['content-type']) });
    });
    request.on('error', reject);
    const write = (i: number): void => {
      if (i === chunks.length) { request.end(); return; }
      if (request.write(chunks[i]!)) write(i + 1);
      else request.once('drain', () => write(i + 1));
    };
    write(0);
  });
}

describe('identity routes take the API\'s body limit (finding 6)', () => {
  it('a 1 MB body to POST /api/dev/login is refused with 413, unread', async () => {
    const body = JSON.stringify({ email: AS.maria, padding: 'x'.repeat(1024 * 1024) });
    const response = await postOnce('/api/dev/login', [body], { 'content-length': String(Buffer.byteLength(body)) });
    expect(response.status).toBe(413);
    expect(response.type).toContain('application/problem+json');
  });

  it('a chunked body without a length is cut off at the limit too', async () => {
    const response = await postOnce('/api/dev/login', Array.from({ length: 16 }, () => 'x'.repeat(64 * 1024)), { 'transfer-encoding': 'chunked' });
    expect(response.status).toBe(413);
  });

  it('a small login still works (the control case)', async () => {
    expect((await post('/api/dev/login', JSON.stringify({ email: AS.maria }))).status).toBe(200);
  });
});

describe('the demo users for the sign-in page', () => {
  it('name each requester\'s organisation as people know it, read from its profile item; staff have none', async () => {
    const users = await (await fetch(`${root}/api/dev/users`)).json() as Array<{ email: string; orgId?: string; orgName?: string }>;
    const byEmail = Object.fromEntries(users.map((user) => [user.email, user]));
    expect(byEmail[AS.maria]).toMatchObject({ orgId: 'aurora-ai', orgName: 'Aurora AI' });
    expect(byEmail[AS.lea]).toMatchObject({ orgId: 'basalt-labs', orgName: 'Basalt Labs' });
    expect(byEmail[AS.ana]!.orgName).toBeUndefined();
  });
});

describe('dev routes (finding 1)', () => {
  it('know which addresses are loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', '[::1]']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.org', '']) expect(isLoopback(host), host).toBe(false);
  });

  it('refuse to start on a non-loopback address without the explicit opt-in', async () => {
    await expect(startLocalServer({ port: 0, host: '0.0.0.0', seed: false })).rejects.toThrow(/DEV_ROUTES/);
  });

  it('are not mounted when turned off', async () => {
    const server = await startLocalServer({ port: 0, seed: true, devRoutes: false });
    try {
      for (const [method, path] of [['POST', '/api/dev/login'], ['GET', '/api/dev/users'], ['GET', '/dev/outbox']] as const) {
        const response = await fetch(`${server.url}${path}`, { method, ...(method === 'POST' ? { body: JSON.stringify({ email: AS.coord }), headers: { 'content-type': 'application/json' } } : {}) });
        expect(response.status, path).toBe(404);
      }
    } finally {
      await server.close();
    }
  });

  describe('the outbox', () => {
    let names: Record<string, string>;
    beforeAll(async () => {
      const { outbox } = stack.server.notifications;
      names = {
        maria: (await outbox.send(mail(AS.maria, 'For Maria'))).providerMessageId,
        lea: (await outbox.send(mail(AS.lea, 'For Lea'))).providerMessageId,
      };
    });
    const listAs = async (headers: Record<string, string>) => fetch(`${root}/dev/outbox`, { headers });
    const bearer = async (email: string) => ({ authorization: `Bearer ${await stack.token(email)}` });

    it('needs a signed-in user', async () => {
      expect((await listAs({})).status).toBe(401);
      expect((await fetch(`${root}/dev/outbox/${names.lea}`)).status).toBe(401);
    });

    it('shows a user only their own mail, and a coordinator all of it', async () => {
      const mine = await (await listAs(await bearer(AS.maria))).json() as { items: Array<{ name: string }> };
      expect(mine.items.map((item) => item.name)).toEqual([names.maria]);
      expect((await fetch(`${root}/dev/outbox/${names.lea}`, { headers: await bearer(AS.maria) })).status).toBe(404);
      expect((await fetch(`${root}/dev/outbox/${names.maria}`, { headers: await bearer(AS.maria) })).status).toBe(200);
      const all = await (await listAs(await bearer(AS.coord))).json() as { items: Array<{ name: string }> };
      expect(all.items.map((item) => item.name)).toEqual(expect.arrayContaining([names.maria, names.lea]));
    });

    it('opens in the browser of someone signed in to the web app (the dev login sets a cookie for /dev only)', async () => {
      const login = await post('/api/dev/login', JSON.stringify({ email: AS.lea }));
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/dev(;|$)/i);
      const listing = await (await listAs({ cookie: cookie.split(';')[0]! })).json() as { items: Array<{ name: string }> };
      expect(listing.items.map((item) => item.name)).toEqual([names.lea]);
    });
  });
});

describe('second outside review', () => {
  it('signing out ends the outbox cookie: POST /api/dev/logout clears it with the same path and attributes', async () => {
    const login = await post('/api/dev/login', JSON.stringify({ email: AS.maria }));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${root}/dev/outbox`, { headers: { cookie } })).status).toBe(200);
    const logout = await fetch(`${root}/api/dev/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(204);
    const cleared = logout.headers.get('set-cookie')!;
    expect(cleared).toMatch(/^dev_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(cleared).toMatch(/Path=\/dev(;|$)/i);
    expect(cleared).toMatch(/HttpOnly/i);
    expect(cleared).toMatch(/SameSite=Strict/i);
  });

  it('the dev login takes JSON only (no login CSRF by a simple form or text POST)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await post('/api/dev/login', JSON.stringify({ email: AS.maria }), { 'content-type': type });
      expect(response.status, type).toBe(415);
      expect(response.headers.get('set-cookie'), type).toBeNull();
    }
    const untyped = await fetch(`${root}/api/dev/login`, { method: 'POST', body: new Blob([JSON.stringify({ email: AS.maria })]) });
    expect(untyped.status).toBe(415);
    expect((await post('/api/dev/login', JSON.stringify({ email: AS.maria }), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('an address Node cannot read (/\\evil.com) is answered 400 with the security headers', async () => {
    const { hostname, port } = new URL(root);
    const response = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const request = httpRequest({ hostname, port, path: '/\\evil.com', method: 'GET', agent: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, headers: res.headers });
      });
      request.on('error', reject);
      request.end();
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-security-policy']).toBeTruthy();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('puts IPv6 literals in brackets in the server\'s URL', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('::ffff:127.0.0.1')).toBe('[::ffff:127.0.0.1]');
    expect(urlHost('[::1]')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('0.0.0.0')).toBe('localhost');
    for (const host of ['::1', '::ffff:127.0.0.1']) expect(new URL(`http://${urlHost(host)}:3000`).port).toBe('3000');
  });

  it('starts on the IPv6 loopback (::1), with the dev routes on, and logs who signed in as whom', async (context) => {
    if (!(await hasIpv6Loopback())) context.skip('This machine has no IPv6 loopback (::1): cannot listen there.');
    const lines: string[] = [];
    const logger = createLogger('local', { env: { LOG_LEVEL: 'INFO' }, write: (line) => { lines.push(line); } });
    const server = await startLocalServer({ port: 0, host: '::1', seed: false, logger });
    try {
      expect(server.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      expect(server.devRoutes).toBe(true);
      const login = await fetch(`${server.url}/api/dev/login`, {
        method: 'POST', body: JSON.stringify({ email: AS.lea }), headers: { 'content-type': 'application/json', 'user-agent': 'review-test' },
      });
      expect(login.status).toBe(200);
      const record = lines.map((line) => JSON.parse(line)).find((entry) => entry.message === 'dev login');
      expect(record).toMatchObject({ level: 'INFO', as: AS.lea, role: 'requester', userAgent: 'review-test' });
    } finally {
      await server.close();
    }
    const mapped = await startLocalServer({ port: 0, host: '::ffff:127.0.0.1', seed: false });
    try {
      expect(mapped.url).toMatch(/^http:\/\/\[::ffff:127\.0\.0\.1\]:\d+$/);
      expect((await fetch(`${mapped.url}/api/dev/users`)).status).toBe(200);
    } finally {
      await mapped.close();
    }
  });
});

function hasIpv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}
