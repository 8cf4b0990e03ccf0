// Signing in and out: the local demo login, or Cognito's hosted login (authorization code + PKCE).
import { apiUrl, request } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import type { AppConfig, CognitoConfig } from '../config.ts';
import { appConfig, setSession } from '../state.ts';
import { authorizeUrl, challengeFor, logoutUrl, randomVerifier, readCallback, tokenRequestBody } from './pkce.ts';
import { tokenExpiry } from './session.ts';

const PENDING_KEY = 'hpc-support.pkce';
export const CALLBACK_PATH = '/app/callback';
export const SIGN_IN_PATH = '/app/sign-in';

export interface DemoUser {
  email: string;
  name: string;
  role: Me['role'];
  orgId?: string;
  /** The organisation's name ("Aurora AI"); absent when it has no profile item. */
  orgName?: string;
}

/** Only app paths are accepted as a place to return to (no open redirect). */
export function safeReturnPath(value: string | null | undefined): string {
  return value && /^\/app\/[^/\\]/.test(value) && !value.startsWith(SIGN_IN_PATH) && !value.startsWith(CALLBACK_PATH) ? value : '/app/tickets';
}

async function startSession(token: string): Promise<Me> {
  const { data: user } = await request<Me>('GET', '/me', { headers: { Authorization: `Bearer ${token}` } });
  setSession({ token, expiresAt: tokenExpiry(token), user });
  return user;
}

export async function demoUsers(): Promise<DemoUser[]> {
  return (await request<DemoUser[]>('GET', '/dev/users')).data;
}

export async function demoSignIn(email: string): Promise<Me> {
  const { data } = await request<{ token: string }>('POST', '/dev/login', { body: { email } });
  return startSession(data.token);
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

export async function startHostedSignIn(cognito: CognitoConfig, returnTo: string): Promise<void> {
  const verifier = randomVerifier();
  const state = randomVerifier(43);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo: safeReturnPath(returnTo) }));
  location.assign(authorizeUrl({ domain: cognito.domain, clientId: cognito.clientId, redirectUri: redirectUri(), state, challenge: await challengeFor(verifier) }));
}

/** Exchanges the callback's code once; the code leaves the address bar before anything else happens. */
export async function completeHostedSignIn(cognito: CognitoConfig, search: string): Promise<string> {
  history.replaceState(null, '', CALLBACK_PATH);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  const callback = readCallback(search, pending?.state ?? null);
  if (!callback.ok) throw new Error(callback.reason);
  const response = await fetch(`https://${cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenRequestBody({ clientId: cognito.clientId, redirectUri: redirectUri(), code: callback.code, verifier: pending!.verifier }),
  });
  if (!response.ok) throw new Error(`The sign-in could not be completed (HTTP ${response.status}).`);
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('The sign-in returned no ID token.');
  await startSession(tokens.id_token);
  return pending!.returnTo;
}

export function signOut(config: AppConfig = appConfig()): void {
  setSession(undefined);
  // The demo login also set an HttpOnly cookie for the outbox (/dev), which only the server can clear; cookies are
  // shared by all tabs, so this one call ends it for the other tabs too.
  if (config.mode === 'local') void fetch(apiUrl('/dev/logout'), { method: 'POST', keepalive: true }).catch(() => {});
  if (config.mode === 'cognito') {
    location.assign(logoutUrl({ domain: config.cognito.domain, clientId: config.cognito.clientId, logoutUri: `${location.origin}${SIGN_IN_PATH}` }));
  }
}
