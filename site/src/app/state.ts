// The app's shared state: the runtime configuration and the signed-in session, with change listeners.
import type { AppConfig } from './config.ts';
import type { Me } from './api/types.ts';
import { clearSession, readSession, saveSession, type Session } from './auth/session.ts';

let config: AppConfig = { mode: 'local', apiUrl: '/api' };
let session: Session | undefined;
const listeners = new Set<() => void>();

export function initState(loaded: AppConfig): void {
  config = loaded;
  session = readSession();
}

export const appConfig = (): AppConfig => config;
export const currentSession = (): Session | undefined => (session && session.expiresAt > Date.now() ? session : undefined);
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
