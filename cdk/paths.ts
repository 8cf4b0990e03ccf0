import { isAbsolute, join, resolve } from 'node:path';
import { API_FUNCTIONS, API_FUNCTION_NAMES, type ApiFunctionName } from '../functions/api-functions.ts';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');

/** Each Lambda entry: the API functions' from their manifest, and the notifier's (stream consumer and sweep, no HTTP). */
export const FUNCTION_ENTRIES: Record<ApiFunctionName | 'notify' | 'inboundMail' | 'inboundMailParser', string> = {
  ...Object.fromEntries(API_FUNCTION_NAMES.map((name) => [name, join(REPOSITORY_ROOT, API_FUNCTIONS[name].entry)])) as Record<ApiFunctionName, string>,
  notify: join(REPOSITORY_ROOT, 'functions/notify/index.ts'),
  inboundMail: join(REPOSITORY_ROOT, 'functions/inbound-mail/index.ts'),
  inboundMailParser: join(REPOSITORY_ROOT, 'functions/inbound-mail/parser-index.ts'),
};

export function fromRepository(path: string): string {
  return isAbsolute(path) ? path : join(REPOSITORY_ROOT, path);
}
