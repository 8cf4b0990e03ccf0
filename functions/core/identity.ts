import { verify as verifyRsaSignature, type KeyObject } from 'node:crypto';
import { remoteRsaKeys } from './jwks.ts';
import { principalFromClaims, type Principal } from './principal.ts';
import { problems, ProblemError } from './problem.ts';

export interface IdentityVerifier {
  /** Resolves the principal of a bearer token, or throws a 401/403 problem. */
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** Cognito's JWKS in AWS, the local identity provider's locally: the same code path for both. */
  jwksUrl: string;
}

/** How far ahead of our clock a token's issue time may be (clock skew between us and the identity provider). */
const MAX_ISSUED_AHEAD_SECONDS = 300;
/** The longest a token may be valid (Cognito's ID tokens last 1 hour by default and 1 day at most). */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Seconds of clock skew allowed on expiry and not-before. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** Verified tokens are remembered until they expire: a signature check on every request is measurable CPU. */
const CACHE_SIZE = 2_000;

interface Verified {
  principal: Principal;
  expiresAt: number;
}

const decodeJson = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The claims of an RS256 JWS signed by a key of the set, or throws. Only RS256 (never `none`, never an HMAC keyed
 * with a public key), only a key id the issuer publishes, no critical header extensions (RFC 7515 §4.1.11); node:crypto
 * checks the signature. Verified here rather than with a JOSE library: it is a third of every function's bundle
 * budget, and this is the one algorithm Cognito and the local identity provider use.
 */
async function verifiedClaims(token: string, keyFor: (kid: string) => Promise<KeyObject | undefined>): Promise<Record<string, unknown>> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) throw new Error('not a compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!isObject(header) || header.alg !== 'RS256' || typeof header.kid !== 'string' || 'crit' in header || 'b64' in header) throw new Error('header refused');
  const key = await keyFor(header.kid);
  if (!key || !verifyRsaSignature('RSA-SHA256', Buffer.from(`${headerPart}.${payloadPart}`), key, Buffer.from(signaturePart, 'base64url'))) throw new Error('signature');
  const claims = decodeJson(payloadPart);
  if (!isObject(claims)) throw new Error('claims not an object');
  return claims;
}

export function createJwtVerifier({ issuer, audience, jwksUrl }: JwtVerifierOptions): IdentityVerifier {
  // The address is checked now, so a misconfigured one fails the cold start instead of every request; the keys are
  // fetched on the first token.
  const keyFor = remoteRsaKeys(new URL(jwksUrl));
  const cache = new Map<string, Verified>();

  async function verifySignature(token: string): Promise<Verified> {
    let claims: Record<string, unknown>;
    try {
      claims = await verifiedClaims(token, keyFor);
      const now = Date.now() / 1000;
      const { iss, aud, exp, iat, nbf, sub } = claims;
      if (iss !== issuer || !(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) throw new Error('issuer or audience');
      if (typeof exp !== 'number' || typeof iat !== 'number' || typeof sub !== 'string') throw new Error('required claims');
      if (exp <= now - CLOCK_TOLERANCE_SECONDS || (nbf !== undefined && !(typeof nbf === 'number' && nbf <= now + CLOCK_TOLERANCE_SECONDS))) throw new Error('not valid now');
      if (iat > now + MAX_ISSUED_AHEAD_SECONDS || !(exp - iat <= MAX_TOKEN_LIFETIME_SECONDS)) throw new Error('issue time or lifetime out of bounds');
    } catch {
      // Which check failed is the attacker's business only: every failure is the same 401.
      throw problems.unauthorized('The token is missing, expired or not valid.');
    }
    if (claims.token_use !== undefined && claims.token_use !== 'id') {
      throw problems.unauthorized('An ID token is required.');
    }
    return { principal: principalFromClaims(claims), expiresAt: Number(claims.exp) * 1000 };
  }

  return {
    async verify(token) {
      const cached = cache.get(token);
      if (cached && cached.expiresAt > Date.now()) return cached.principal;
      cache.delete(token);
      const verified = await verifySignature(token);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(token, verified);
      return verified.principal;
    },
  };
}

export function bearerToken(authorization: string | undefined): string {
  const match = authorization?.match(/^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i);
  if (!match?.[1]) throw problems.unauthorized('Sign in: an Authorization: Bearer token is required.');
  return match[1];
}

export { ProblemError };
