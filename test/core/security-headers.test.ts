import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../site/security-headers.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';

// Outside review, finding 11: the local server sends the headers CloudFront adds in AWS, from the same definition.
let server: LocalServer;
let siteDir: string;
beforeAll(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'headers-site-'));
  await writeFile(path.join(siteDir, 'index.html'), '<!doctype html><title>Home</title>');
  server = await startLocalServer({ port: 0, seed: false, siteDir });
});
afterAll(async () => {
  await server?.close();
  await rm(siteDir, { recursive: true, force: true });
});

describe('security headers on the local server', () => {
  const expected = securityHeaders({ https: false });

  it('are the production set, without what needs HTTPS', () => {
    expect(expected['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(expected['Content-Security-Policy']).not.toContain('upgrade-insecure-requests');
    expect(expected).not.toHaveProperty('Strict-Transport-Security');
    expect(expected).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'strict-origin-when-cross-origin' });
  });

  it.each(['/', '/no-such-page', '/api/health', '/api/tickets', '/api/no-such-route', '/idp/.well-known/jwks.json', '/dev/outbox', '/config.json'])('are on %s', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    await response.arrayBuffer();
    for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
  });
});
