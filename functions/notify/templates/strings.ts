/**
 * Message texts per language. `{name}` placeholders are filled (and escaped for HTML) by the renderer. The texts
 * live in one catalogue per language (`strings/<lang>.json`, what a translator edits); the type below makes each
 * catalogue complete.
 */
import de from './strings/de.json' with { type: 'json' };
import en from './strings/en.json' with { type: 'json' };
import es from './strings/es.json' with { type: 'json' };
import fr from './strings/fr.json' with { type: 'json' };
import it from './strings/it.json' with { type: 'json' };
import { languageOf, type Language } from '../../core/locale.ts';

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
  /** To the previous assignee when another expert took the ticket themselves. */
  takenAway: Texts;
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
  /** Before the earlier public messages quoted under a reply. */
  earlier: string;
  /** Above each quoted message: `{author}`, `{when}`. */
  wrote: string;
  /** The one-click link that turns this kind off (optional kinds only). */
  unsubscribe: string;
}

export { LANGUAGES, type Language } from '../../core/locale.ts';

export const STRINGS: Record<Language, Strings> = { en, es, de, fr, it };

/** The user's language if we write it, else its base language ("es-ES" → es), else English. */
export const languageFor = (lang: string | undefined): Language => languageOf(lang);
