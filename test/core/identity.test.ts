import { describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../functions/core/identity.ts';

describe('the JWT verifier', () => {
  it('refuses a JWKS address that is not a URL when it is made, not on every request', () => {
    expect(() => createJwtVerifier({ issuer: 'https://issuer.example', audience: 'client', jwksUrl: 'not a url' })).toThrow(/Invalid URL/);
    expect(() => createJwtVerifier({ issuer: 'https://issuer.example', audience: 'client', jwksUrl: 'https://issuer.example/.well-known/jwks.json' })).not.toThrow();
  });
});
