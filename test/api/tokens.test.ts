import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../functions/local/seed-data.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const maria = seedUser(AS.maria);
const claims = { sub: maria.id, email: maria.email, name: maria.name, token_use: 'id', 'cognito:groups': [], 'custom:org': maria.orgId };

async function statusWith(token: string | undefined, header?: string): Promise<number> {
  const headers: Record<string, string> = header ? { authorization: header } : token ? { authorization: `Bearer ${token}` } : {};
  const response = await stack.call('GET', '/api/me', { headers });
  if (response.status === 401) {
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  }
  return response.status;
}

describe('bearer tokens', () => {
  it('accepts a valid token (the control case)', async () => {
    expect(await statusWith(await stack.server.idp.sign(claims))).toBe(200);
  });

  it('refuses a missing token or a malformed header', async () => {
    expect(await statusWith(undefined)).toBe(401);
    expect(await statusWith(undefined, 'Basic bWFyaWE6c2VjcmV0')).toBe(401);
    expect(await statusWith(undefined, 'Bearer not a token')).toBe(401);
  });

  it('refuses an expired token', async () => {
    const expired = await stack.server.idp.sign(claims, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await statusWith(expired)).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    expect(await statusWith(await stack.server.idp.sign(claims, { issuer: 'https://evil.example/idp' }))).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    expect(await statusWith(await stack.server.idp.sign(claims, { audience: 'some-other-client' }))).toBe(401);
  });

  it('refuses a token signed by another key under our key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
      .setIssuer(stack.server.idp.issuer).setAudience(stack.server.idp.audience)
      .setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect(await statusWith(forged)).toBe(401);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT(claims).setIssuer(stack.server.idp.issuer).setAudience(stack.server.idp.audience)
      .setIssuedAt().setExpirationTime('1h').encode();
    expect(await statusWith(unsigned)).toBe(401);
  });

  it('refuses a tampered payload (role escalation attempt)', async () => {
    const token = await stack.server.idp.sign(claims);
    const [header, , signature] = token.split('.');
    const escalated = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['coordinators'], iss: stack.server.idp.issuer, aud: stack.server.idp.audience, exp: 9_999_999_999 })).toString('base64url');
    expect(await statusWith(`${header}.${escalated}.${signature}`)).toBe(401);
  });

  it('takes the role and organisation from the verified claims only', async () => {
    const token = await stack.server.idp.sign(claims);
    const response = await stack.call('GET', '/api/me', { token, headers: { 'x-role': 'coordinator', 'x-org': 'basalt-labs' } });
    expect(await response.json()).toMatchObject({ role: 'requester', orgId: 'aurora-ai' });
  });

  it('stops accepting a token once it expires, even after it was accepted (and remembered) before', async () => {
    const shortLived = await stack.server.idp.sign(claims, { expiresIn: Math.floor(Date.now() / 1000) + 1 });
    expect(await statusWith(shortLived)).toBe(200);
    // Past its expiry and the verifier's 5 s clock tolerance.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await statusWith(shortLived)).toBe(401);
  }, 15_000);

  it('refuses a requester token without an organisation', async () => {
    const { 'custom:org': _org, ...orgless } = claims;
    expect(await statusWith(await stack.server.idp.sign(orgless))).toBe(403);
  });
});
