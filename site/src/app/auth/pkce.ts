// OAuth 2.0 authorization code with PKCE (RFC 7636, S256) for Cognito's hosted login. Pure functions
// over Web Crypto so they run in the browser and in Node's tests alike.
const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random string of unreserved characters; 64 characters is within RFC 7636's 43..128. */
export function randomVerifier(length = 64): string {
  if (length < 43 || length > 128) throw new RangeError('A PKCE verifier has 43 to 128 characters.');
  // Bytes at or above the largest multiple of 66 are dropped so every character is equally likely.
  const limit = 256 - (256 % UNRESERVED.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && out.length < length) out += UNRESERVED[byte % UNRESERVED.length];
    }
  }
  return out;
}

export async function challengeFor(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export interface AuthorizeRequest {
  domain: string;
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scope?: string;
}

export function authorizeUrl({ domain, clientId, redirectUri, state, challenge, scope = 'openid email profile' }: AuthorizeRequest): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `https://${domain}/oauth2/authorize?${params}`;
}

export function tokenRequestBody({ clientId, redirectUri, code, verifier }: { clientId: string; redirectUri: string; code: string; verifier: string }): URLSearchParams {
  return new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, redirect_uri: redirectUri, code, code_verifier: verifier });
}

export function logoutUrl({ domain, clientId, logoutUri }: { domain: string; clientId: string; logoutUri: string }): string {
  return `https://${domain}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`;
}

export type CallbackResult = { ok: true; code: string } | { ok: false; reason: string };

/** Reads the callback's query: the state must equal the one this tab sent (CSRF), once. */
export function readCallback(search: string, expectedState: string | null): CallbackResult {
  const params = new URLSearchParams(search);
  const error = params.get('error');
  if (error) return { ok: false, reason: params.get('error_description') ?? error };
  const code = params.get('code');
  const state = params.get('state');
  if (!code) return { ok: false, reason: 'The sign-in response carried no code.' };
  if (!expectedState || state !== expectedState) return { ok: false, reason: 'The sign-in response does not match this sign-in (state mismatch).' };
  return { ok: true, code };
}
