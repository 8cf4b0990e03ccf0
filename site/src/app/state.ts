// The app's shared state: the runtime configuration and the signed-in session, with change listeners.
import type { AppConfig } from './config.ts';
import type { Me } from './api/types.ts';
import { clearSession, onSessionChangedElsewhere, readSession, saveSession, type Session } from './auth/session.ts';

let config: AppConfig = { mode: 'local', apiUrl: '/api' };
let session: Session | undefined;
const listeners = new Set<() => void>();

export function initState(loaded: AppConfig): void {
  config = loaded;
  session = readSession();
  // Signed out (or in as someone else) in another tab: this tab follows at once.
  onSessionChangedElsewhere(() => {
    session = readSession();
    for (const listener of listeners) listener();
  });
}

export const appConfig = (): AppConfig => config;
/**
 * The session as stored now, not as this tab last saw it: a tab that missed the other tab's sign-out (frozen,
 * in the background) still cannot send a request with the old token.
 */
export function currentSession(): Session | undefined {
  const stored = readSession();
  if (stored?.token !== session?.token) session = stored;
  return session && session.expiresAt > Date.now() ? session : undefined;
}
export const currentUser = (): Me | undefined => currentSession()?.user;

export function setSession(next: Session | undefined): void {
  session = next;
  if (next) saveSession(next);
  else clearSession();
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes the signed-in user as the API now answers (language, zone): every tab and listener follows. */
export function updateCurrentUser(change: Partial<Me>): void {
  const now = currentSession();
  if (now) setSession({ ...now, user: { ...now.user, ...change } });
}
