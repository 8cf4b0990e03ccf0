/**
 * Message texts per language. `{name}` placeholders are filled (and escaped for HTML) by the renderer. The texts
 * live in one catalogue per language (`strings/<lang>.json`, what a translator edits); the type below makes each
 * catalogue complete.
 */
import de from './strings/de.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };
import es from './strings/es.json' with { type: 'json' };
import fr from './strings/fr.json' with { type: 'json' };

export interface Texts {
  subject: string;
  body: string;
}

export interface Strings {
  greeting: string;
  openTicket: string;
  openSessions: string;
  expertReply: Texts;
  requesterReply: Texts;
  resolved: Texts;
  newTicket: Texts;
  acknowledgement: Texts;
  assigned: Texts;
  reassignedAway: Texts;
  unassigned: Texts;
  atRisk: Texts;
  /** Who looks after an unassigned ticket, in the acknowledgement. */
  theTeam: string;
  slaWarning: Texts;
  slaBreach: Texts;
  bookingConfirmedRequester: Texts;
  bookingConfirmedExpert: Texts;
  bookingRescheduled: Texts;
  bookingCancelled: Texts;
  reminder24h: Texts;
  reminder1h: Texts;
  reason: string;
  join: string;
  invitationAttached: string;
  /** Before the list of a message's attachments (links, never the files). */
  filesSent: string;
  /** Staff only: the address for an internal note by mail. */
  internalNote: string;
  firstResponse: string;
  resolution: string;
  priorities: Record<'low' | 'normal' | 'high' | 'urgent', string>;
  footer: string;
  footerMandatory: string;
}

export const LANGUAGES = ['en', 'es', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STRINGS: Record<Language, Strings> = { en, es, de, fr };

/** The user's language if we write it, else its base language ("es-ES" → es), else English. */
export function languageFor(lang: string | undefined): Language {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? base as Language : 'en';
}
