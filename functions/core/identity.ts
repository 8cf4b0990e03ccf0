import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
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

/** Verified tokens are remembered until they expire: a signature check on every request is measurable CPU. */
const CACHE_SIZE = 2_000;

interface Verified {
  principal: Principal;
  expiresAt: number;
}

export function createJwtVerifier({ issuer, audience, jwksUrl }: JwtVerifierOptions): IdentityVerifier {
  // Made on the first token, not at import: it constructs a fetch `Headers`, which loads Node's fetch
  // implementation (undici, ~10 ms). The first request loads it anyway (Hono builds a Request per event);
  // at import it would only lengthen every cold start's init by that much.
  // The address is checked now, so a misconfigured one fails the cold start instead of every request.
  const jwks = new URL(jwksUrl);
  let keys: JWTVerifyGetKey | undefined;
  const cache = new Map<string, Verified>();

  async function verifySignature(token: string): Promise<Verified> {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, keys ??= createRemoteJWKSet(jwks, { cooldownDuration: 30_000 }), {
        issuer,
        audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
      }));
      const issuedAt = Number(claims.iat);
      const lifetime = Number(claims.exp) - issuedAt;
      if (issuedAt > Date.now() / 1000 + MAX_ISSUED_AHEAD_SECONDS || !(lifetime <= MAX_TOKEN_LIFETIME_SECONDS)) throw new Error('issue time or lifetime out of bounds');
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
