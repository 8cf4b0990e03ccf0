// The signed-in session lives in this tab's sessionStorage (never in a URL): the ID token and the user.
import type { Me } from '../api/types.ts';

const KEY = 'hpc-support.session';
/** Sign in again a minute before the token expires rather than fail mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

export interface Session {
  token: string;
  expiresAt: number;
  user: Me;
}

/** The `exp` claim of a JWT in milliseconds (the signature is the API's business, not the page's). */
export function tokenExpiry(token: string): number {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('Not a JWT.');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const exp = (JSON.parse(json) as { exp?: unknown }).exp;
  if (typeof exp !== 'number') throw new Error('The token has no expiry.');
  return exp * 1000;
}

export function readSession(storage: Storage = sessionStorage, now = Date.now()): Session | undefined {
  try {
    const session = JSON.parse(storage.getItem(KEY) ?? 'null') as Session | null;
    if (!session || session.expiresAt - EXPIRY_MARGIN_MS <= now) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
