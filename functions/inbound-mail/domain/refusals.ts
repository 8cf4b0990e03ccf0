/**
 * The polite answers to a mail the channel could not take, in plain words and without internals (no token
 * details, no ids, no rule codes): pure texts in the sender's language (the catalogues in `answers/<lang>.json`,
 * what a translator edits). Sent only to a known, authenticated sender, at most once a day each (limits.ts), never
 * to automatic mail (automatic.ts) or unknown senders.
 */
import type { Language } from '../../core/locale.ts';
import { fill } from '../../notify/templates/fill.ts';
import { KINDS, MAX_FILE_BYTES, MAX_FILES_PER_TICKET, MAX_TICKET_BYTES, megabytes } from '../../attachments/domain/limits.ts';
import de from './answers/de.json' with { type: 'json' };
import en from './answers/en.json' with { type: 'json' };
import es from './answers/es.json' with { type: 'json' };
import fr from './answers/fr.json' with { type: 'json' };
import it from './answers/it.json' with { type: 'json' };

export type RefusalReason =
  | 'reply-address' // the token is another person's, altered, expired or revoked; or the ticket is gone
  | 'internal-note' // the internal-note address used by someone who is not staff
  | 'oversized'
  | 'rate-limited'
  | 'not-accepted' // a rule of the ticket refused it (e.g. a requester writing on a closed ticket)
  | 'empty';

/** Why one file of an accepted mail was left out, as the attachments' checks decided (service.ts classifies). */
export type FileRefusal = 'kind' | 'size' | 'empty' | 'ticket-limit' | 'content' | 'other';

interface AnswerStrings {
  greeting: string;
  notDelivered: string;
  noSubject: string;
  /** `closed`: the one rule a mail meets often (a requester answering a closed ticket's old notification). */
  reasons: Record<RefusalReason | 'closed', string>;
  yourMail: string;
  filesSubject: string;
  filesIntro: string;
  files: Record<FileRefusal, string>;
  filesOutro: string;
  signature: string;
}

/** Typed, so a catalogue that misses a text does not compile. */
const ANSWERS: Record<Language, AnswerStrings> = { en, fr, de, es, it };

export interface RefusalText {
  subject: string;
  text: string;
}

/** Greeting, paragraphs, the automatic answer's signature: every answer's frame. */
function answer(s: AnswerStrings, name: string, subject: string, paragraphs: string[]): RefusalText {
  return { subject: subject.slice(0, 200), text: `${fill(s.greeting, { name })}\n\n${paragraphs.join('\n\n')}\n\n-- \n${s.signature}\n` };
}

/** `rule`: the violation's code when a rule of the ticket refused the mail (`not-accepted`). */
export function refusalText(reason: RefusalReason, lang: Language, { name, subject, supportAddress, maxSize, rule }: {
  name: string; subject: string; supportAddress: string; maxSize: string; rule?: string;
}): RefusalText {
  const s = ANSWERS[lang];
  const shown = subject || s.noSubject;
  const line = reason === 'not-accepted' && rule === 'ticket.closed' ? s.reasons.closed : s.reasons[reason];
  return answer(s, name, fill(s.notDelivered, { subject: shown }), [fill(line, { supportAddress, maxSize }), fill(s.yourMail, { subject: shown })]);
}

const ALLOWED_EXTENSIONS = Object.values(KINDS).flatMap((kind) => kind.extensions).join(' ');

/** When files of an accepted mail were refused: the message went in, without them. */
export function refusedFilesText(lang: Language, { name, reference, refused }: { name: string; reference: string; refused: Array<{ filename: string; reason: FileRefusal }> }): RefusalText {
  const s = ANSWERS[lang];
  const limits = { allowed: ALLOWED_EXTENSIONS, maxFile: megabytes(MAX_FILE_BYTES), maxFiles: String(MAX_FILES_PER_TICKET), maxTicket: megabytes(MAX_TICKET_BYTES) };
  const list = refused.map((file) => `- ${file.filename}: ${fill(s.files[file.reason], limits)}`).join('\n');
  return answer(s, name, fill(s.filesSubject, { ref: reference }), [fill(s.filesIntro, { ref: reference }), list, s.filesOutro]);
}
