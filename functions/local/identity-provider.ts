import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type CryptoKey } from 'jose';
import { z } from 'zod';
import { limitBody, problemResponse } from '../core/http.ts';
import type { Logger } from '../core/logger.ts';
import type { OrganisationNames } from '../core/organisations.ts';
import { problems, ProblemError } from '../core/problem.ts';
import { jsonBody } from '../core/validation.ts';
import type { UserRecord } from '../core/users.ts';

export interface LocalIdentityProvider {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** The JWKS document the API verifies tokens with. */
  routes: Hono;
  /**
   * The demo users and the password-less login (local server only, never deployed; mounted only on loopback or by
   * explicit opt-in). The login also sets the token as an HttpOnly cookie for /dev, so the outbox opens in the
   * browser of whoever signed in to the web app.
   */
  devRoutes: Hono;
  /** An ID token shaped like Cognito's for a user. */
  tokenFor(user: UserRecord, options?: { expiresIn?: string }): Promise<string>;
  /** Signs arbitrary claims with the provider's key (tests build bad tokens with it). */
  sign(claims: Record<string, unknown>, options?: { expiresIn?: string | number; issuer?: string; audience?: string; issuedAt?: number | null }): Promise<string>;
}

const KEY_ID = 'local-1';

async function loadOrCreateKey(dataDir: string | undefined): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
  const file = dataDir ? join(dataDir, 'idp-key.json') : undefined;
  if (file && existsSync(file)) {
    const privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    return { privateKey: (await importJWK(privateJwk, 'RS256')) as CryptoKey, publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
  }
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

/** The cookie the dev login sets for the /dev pages (never sent to /api, so it cannot stand in for the bearer token). */
export const DEV_SESSION_COOKIE = 'dev_session';
const TOKEN_LIFETIME_SECONDS = 8 * 3600;

/** The same attributes when set and when cleared (a cookie is replaced only by one of the same name and path). */
const devSessionCookie = (value: string, maxAgeSeconds: number) =>
  `${DEV_SESSION_COOKIE}=${value}; Path=/dev; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

/** The caller's address on Node's server (@hono/node-server puts the request on the env), for the log. */
function remoteAddressOf(env: unknown): string | undefined {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

export async function createLocalIdentityProvider(options: {
  baseUrl: string;
  dataDir?: string;
  users: () => Promise<UserRecord[]>;
  /** The sign-in page names each requester's organisation as people know it ("Aurora AI", not aurora-ai). */
  organisationName?: OrganisationNames;
  /** The same limit as the API's: a login is a few bytes. */
  maxBodyBytes: number;
  /** Who signed in as whom (a password-less login is worth a line in the log). */
  logger?: Logger;
}): Promise<LocalIdentityProvider> {
  const issuer = `${options.baseUrl}/idp`;
  const audience = 'local-web-client';
  const { privateKey, publicJwk } = await loadOrCreateKey(options.dataDir);

  const sign: LocalIdentityProvider['sign'] = (claims, signOptions = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(signOptions.issuer ?? issuer)
      .setAudience(signOptions.audience ?? audience);
    // null leaves iat out (tests of bad tokens); expiresIn relative to it, or an absolute time in seconds.
    if (signOptions.issuedAt !== null) jwt.setIssuedAt(signOptions.issuedAt);
    return jwt.setExpirationTime(signOptions.expiresIn ?? `${TOKEN_LIFETIME_SECONDS}s`).sign(privateKey);
  };

  const tokenFor: LocalIdentityProvider['tokenFor'] = (user, tokenOptions = {}) => sign({
    sub: user.id,
    email: user.email,
    name: user.name,
    token_use: 'id',
    'cognito:groups': user.role === 'coordinator' ? ['coordinators'] : user.role === 'expert' ? ['experts'] : [],
    ...(user.orgId ? { 'custom:org': user.orgId } : {}),
  }, { expiresIn: tokenOptions.expiresIn });

  const routes = new Hono();
  routes.use('/idp/*', limitBody(options.maxBodyBytes));
  routes.get('/idp/.well-known/jwks.json', (c) => c.json({ keys: [{ ...publicJwk, kid: KEY_ID, alg: 'RS256', use: 'sig' }] }));

  const devRoutes = new Hono();
  devRoutes.use('/api/dev/*', limitBody(options.maxBodyBytes));
  devRoutes.get('/api/dev/users', async (c) => {
    const users = await options.users();
    const orgIds = [...new Set(users.flatMap((user) => (user.orgId ? [user.orgId] : [])))];
    const names = new Map(await Promise.all(orgIds.map(async (id) => [id, await options.organisationName?.(id)] as const)));
    return c.json(users.map(({ email, name, role, orgId }) => ({ email, name, role, orgId, ...(orgId && names.get(orgId) ? { orgName: names.get(orgId) } : {}) })));
  });
  // JSON only, as the API: a cross-site page can send a form or text/plain POST without asking, but not JSON, so
  // no other site can sign a visitor in as a demo user of its choosing (login CSRF).
  devRoutes.post('/api/dev/login', async (c) => {
    let body: unknown;
    try {
      body = await jsonBody(c);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem);
      throw error;
    }
    const parsed = z.object({ email: z.string().email() }).safeParse(body);
    if (!parsed.success) return problemResponse(problems.invalid([{ field: 'email', message: 'An e-mail address is required.' }]).problem);
    const user = (await options.users()).find((u) => u.email.toLowerCase() === parsed.data.email.toLowerCase());
    if (!user) return problemResponse(problems.notFound('No demo user with that e-mail.').problem);
    const token = await tokenFor(user);
    options.logger?.info('dev login', { as: user.email, role: user.role, from: remoteAddressOf(c.env), userAgent: c.req.header('user-agent') });
    c.header('Set-Cookie', devSessionCookie(token, TOKEN_LIFETIME_SECONDS));
    return c.json({ token, user });
  });
  // Signing out of the web app ends the outbox's cookie too (the browser cannot reach an HttpOnly cookie itself).
  // Nothing to forge here: anyone may sign anyone's browser out of the outbox.
  devRoutes.post('/api/dev/logout', (c) => {
    c.header('Set-Cookie', devSessionCookie('', 0));
    return c.body(null, 204);
  });

  return { issuer, audience, jwksUrl: `${issuer}/.well-known/jwks.json`, routes, devRoutes, tokenFor, sign };
}
