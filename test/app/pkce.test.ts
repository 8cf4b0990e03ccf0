// The OAuth pieces of the hosted sign-in, in Node (Web Crypto is the same API as in the browser).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, base64Url, challengeFor, logoutUrl, randomVerifier, readCallback, tokenRequestBody } from '../../site/src/app/auth/pkce.ts';

describe('PKCE (RFC 7636, S256)', () => {
  it('derives the challenge of the RFC 7636 appendix B example', async () => {
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of unreserved characters, 43 to 128 long, different every time', () => {
    const verifiers = Array.from({ length: 200 }, () => randomVerifier());
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{64}$/);
    expect(new Set(verifiers).size).toBe(verifiers.length);
    expect(randomVerifier(43)).toHaveLength(43);
    expect(randomVerifier(128)).toHaveLength(128);
    expect(() => randomVerifier(42)).toThrow(RangeError);
    expect(() => randomVerifier(129)).toThrow(RangeError);
  });

  it('uses all 66 characters', () => {
    const seen = new Set(Array.from({ length: 100 }, () => randomVerifier(128)).join(''));
    expect(seen.size).toBe(66);
  });

  it('matches Node\'s own SHA-256 for random verifiers, base64url without padding', async () => {
    for (let i = 0; i < 20; i++) {
      const verifier = randomVerifier();
      expect(await challengeFor(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
    }
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });
});

describe('the authorization request and the callback', () => {
  const domain = 'auth.support.example.eu';
  it('asks Cognito for a code with the S256 challenge, the state and the callback', () => {
    const url = new URL(authorizeUrl({ domain, clientId: 'client-1', redirectUri: 'https://support.example.eu/app/callback', state: 'st', challenge: 'ch' }));
    expect(url.origin + url.pathname).toBe(`https://${domain}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code', client_id: 'client-1', redirect_uri: 'https://support.example.eu/app/callback',
      scope: 'openid email profile', state: 'st', code_challenge: 'ch', code_challenge_method: 'S256',
    });
  });

  it('redeems the code with the verifier as a form body', () => {
    expect(Object.fromEntries(tokenRequestBody({ clientId: 'c', redirectUri: 'https://x/app/callback', code: 'abc', verifier: 'v' }))).toEqual({
      grant_type: 'authorization_code', client_id: 'c', redirect_uri: 'https://x/app/callback', code: 'abc', code_verifier: 'v',
    });
  });

  it('accepts the callback only with the state this tab sent', () => {
    expect(readCallback('?code=abc&state=s1', 's1')).toEqual({ ok: true, code: 'abc' });
    expect(readCallback('?code=abc&state=s2', 's1')).toMatchObject({ ok: false, reason: expect.stringContaining('state') });
    expect(readCallback('?code=abc&state=s1', null)).toMatchObject({ ok: false });
    expect(readCallback('?code=abc', 's1')).toMatchObject({ ok: false });
    expect(readCallback('?state=s1', 's1')).toMatchObject({ ok: false, reason: expect.stringContaining('no code') });
    expect(readCallback('?error=access_denied&error_description=User+cancelled&state=s1', 's1')).toEqual({ ok: false, reason: 'User cancelled' });
  });

  it('signs out through Cognito\'s logout endpoint back to the sign-in page', () => {
    const url = new URL(logoutUrl({ domain, clientId: 'client-1', logoutUri: 'https://support.example.eu/app/sign-in' }));
    expect(url.origin + url.pathname).toBe(`https://${domain}/logout`);
    expect(url.searchParams.get('client_id')).toBe('client-1');
    expect(url.searchParams.get('logout_uri')).toBe('https://support.example.eu/app/sign-in');
  });
});
