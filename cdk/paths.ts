import { isAbsolute, join, resolve } from 'node:path';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');

/** Each function folder's Lambda entry. */
export const FUNCTION_ENTRIES = {
  tickets: join(REPOSITORY_ROOT, 'functions/tickets/index.ts'),
  bookings: join(REPOSITORY_ROOT, 'functions/bookings/index.ts'),
  notify: join(REPOSITORY_ROOT, 'functions/notify/index.ts'),
} as const;

export function fromRepository(path: string): string {
  return isAbsolute(path) ? path : join(REPOSITORY_ROOT, path);
}
