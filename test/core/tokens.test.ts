import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoUserDirectory } from '../../functions/core/users.ts';
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

describe('GET /api/me', () => {
  it('names the requester\'s organisation as people know it (pages say "Aurora AI", not "aurora-ai")', async () => {
    const me = await (await stack.call('GET', '/api/me', { token: await stack.token(AS.maria) })).json();
    expect(me).toMatchObject({ orgId: 'aurora-ai', orgName: 'Aurora AI' });
    const expert = await (await stack.call('GET', '/api/me', { token: await stack.token(AS.ana) })).json();
    expect(expert.orgName).toBeUndefined();
  });
});

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

  it('refuses a token HMAC-signed with the published public key as secret (algorithm confusion), or under a key id the issuer does not publish', async () => {
    const jwks = await (await fetch(stack.server.idp.jwksUrl)).json() as { keys: Array<{ kid: string; n: string }> };
    const published = jwks.keys[0]!;
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: published.kid })
      .setIssuer(stack.server.idp.issuer).setAudience(stack.server.idp.audience).setIssuedAt().setExpirationTime('1h')
      .sign(Buffer.from(published.n, 'base64url'));
    expect(await statusWith(confused)).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .setIssuer(stack.server.idp.issuer).setAudience(stack.server.idp.audience).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    expect(await statusWith(unknownKid)).toBe(401);
  });

  it('refuses a token not valid yet (nbf ahead beyond the skew) or with a critical header extension', async () => {
    const notYet = await stack.server.idp.sign({ ...claims, nbf: Math.floor(Date.now() / 1000) + 600 });
    expect(await statusWith(notYet)).toBe(401);
    const token = await stack.server.idp.sign(claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const withCrit = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), crit: ['exp'] })).toString('base64url');
    expect(await statusWith(`${withCrit}.${payload}.${signature}`)).toBe(401);
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

  // Outside review, finding 9.
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a token issued in the future beyond a small clock skew', async () => {
    expect(await statusWith(await stack.server.idp.sign(claims, { issuedAt: now() + 10 * 3600, expiresIn: now() + 11 * 3600 }))).toBe(401);
    expect(await statusWith(await stack.server.idp.sign(claims, { issuedAt: now() + 60 }))).toBe(200);
  });

  it('refuses a token without an issue time, or one valid for more than a day', async () => {
    expect(await statusWith(await stack.server.idp.sign(claims, { issuedAt: null }))).toBe(401);
    expect(await statusWith(await stack.server.idp.sign(claims, { expiresIn: now() + 10 * 365 * 86_400 }))).toBe(401);
    expect(await statusWith(await stack.server.idp.sign(claims, { expiresIn: now() + 86_400 + 600 }))).toBe(401);
    expect(await statusWith(await stack.server.idp.sign(claims, { expiresIn: now() + 3600 }))).toBe(200);
  });
});

describe('the user directory and /api/me (finding 9)', () => {
  const directory = () => dynamoUserDirectory(stack.server.db, stack.server.tableName);
  const me = async (extra: Record<string, unknown>) => stack.call('GET', '/api/me', { token: await stack.server.idp.sign({ token_use: 'id', ...extra }) });

  it('never writes a staff entry from a token alone', async () => {
    const response = await me({ sub: 'u-stranger', email: 'stranger@evil.example', name: 'Stranger', 'cognito:groups': ['coordinators'] });
    expect(response.status).toBe(200);
    expect(await directory().get('u-stranger')).toBeUndefined();
    expect((await directory().listByRole('coordinator')).map((u) => u.id)).not.toContain('u-stranger');
  });

  it('never raises the role of someone already in the directory', async () => {
    const ana = seedUser(AS.ana);
    await me({ sub: ana.id, email: ana.email, name: 'Ana (renamed)', 'cognito:groups': ['coordinators'] });
    expect(await directory().get(ana.id)).toMatchObject({ role: 'expert', name: 'Ana (renamed)' });
  });

  it('still records requesters, and a staff member who lost the group (the control case)', async () => {
    await me({ sub: 'u-new-requester', email: 'new@aurora-ai.example', name: 'New Person', 'custom:org': 'aurora-ai' });
    expect(await directory().get('u-new-requester')).toMatchObject({ role: 'requester', orgId: 'aurora-ai' });
    const mikko = seedUser(AS.mikko);
    await me({ sub: mikko.id, email: mikko.email, name: mikko.name, 'cognito:groups': [], 'custom:org': 'aurora-ai' });
    expect(await directory().get(mikko.id)).toMatchObject({ role: 'requester' });
  });
});
