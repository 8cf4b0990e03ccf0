/**
 * A person's language and time zone (pure): what the API accepts, and what a message or page uses when the person
 * chose nothing. One source for the notifier, the API and the web app.
 */
import { isValidTimeZone } from './zone.ts';

/** The languages we write mails and the web app's labels in. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** A language tag we write ("es-ES" → es), else undefined. */
export function supportedLanguage(tag: string | undefined): Language | undefined {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : undefined;
}

/** The person's own choice, else their organisation's language, else English. */
export function languageOf(own: string | undefined, organisation?: string): Language {
  return supportedLanguage(own) ?? supportedLanguage(organisation) ?? DEFAULT_LANGUAGE;
}

/**
 * Whether this is an IANA zone name the runtime knows (`Europe/Madrid`, `UTC`). Offsets (`+01:00`) and
 * abbreviations (`CET`, which Intl accepts) are refused: a zone name keeps daylight saving right and reads the
 * same in every mail.
 */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(value) && isValidTimeZone(value);
}
