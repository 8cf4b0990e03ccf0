// The signed-in session lives in the browser's localStorage (never in a URL): the ID token and the user.
// localStorage, not sessionStorage, so a new tab or a Ctrl-click keeps the session; every tab hears a sign-in
// or sign-out in another one through the storage event (see README.md for the trade-off).
import type { Me } from '../api/types.ts';

export const SESSION_KEY = 'hpc-support.session';
const KEY = SESSION_KEY;
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

export function readSession(storage: Storage = localStorage, now = Date.now()): Session | undefined {
  try {
    const session = JSON.parse(storage.getItem(KEY) ?? 'null') as Session | null;
    if (!session || session.expiresAt - EXPIRY_MARGIN_MS <= now) return undefined;
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** Calls back when another tab of this browser signs in, signs out or switches user. */
export function onSessionChangedElsewhere(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    // key null: the other tab cleared the whole storage.
    if (event.key === KEY || event.key === null) listener();
  };
  addEventListener('storage', onStorage);
  return () => removeEventListener('storage', onStorage);
}
