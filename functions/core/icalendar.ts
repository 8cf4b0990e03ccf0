/**
 * A minimal RFC 5545 (iCalendar) writer: pure serialisation, only what our booking invitations use.
 * Hand-written on purpose, an exception to "libraries over hand-written code": the iCalendar library we used added
 * 36 KiB (minified) to each Lambda bundle that sends an invitation, which breaks the bundle-size target
 * (≤ 1.3 × a minimal Hono handler); the alternatives (e.g. `ics`, which pulls in yup) are larger still.
 */

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';
export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
export type AttendeeRole = 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';
export type ParticipationStatus = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';

export interface Person {
  name?: string;
  email: string;
}

export interface Attendee extends Person {
  role: AttendeeRole;
  partstat: ParticipationStatus;
  rsvp?: boolean;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  /** DTSTAMP: when this version of the event was written. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: EventStatus;
  organizer?: Person;
  attendees?: Attendee[];
}

export interface Calendar {
  /** The full PRODID, e.g. "-//HPC AI Support Centre//Mentoring//EN". */
  prodId: string;
  method?: CalendarMethod;
  /** Written as NAME (RFC 7986) and X-WR-CALNAME (what older clients read). */
  name?: string;
  events: CalendarEvent[];
}

const CRLF = '\r\n';

/**
 * Line breaks as any parser may read them: CR, LF and the Unicode ones (NEL, LINE and PARAGRAPH SEPARATOR) that
 * e.g. Python's str.splitlines splits on, so an injected "ATTENDEE:" line is impossible in every reader.
 */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Other controls (C0 but HTAB, DEL, C1) are not allowed in TEXT or parameter values and are dropped. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
const MAX_OCTETS = 75;

/**
 * A TEXT value (§3.3.11): backslash, semicolon, comma escaped; every line break (Unicode's too) becomes "\n".
 * Other control characters than HTAB are not allowed in TEXT and are dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(LINE_BREAK, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value (§3.2): quoted when it holds ":", ";" or ",". A DQUOTE cannot appear even inside quotes, so
 * it, line breaks and "^" are written with the RFC 6868 caret escapes (^', ^n, ^^); other controls are dropped.
 */
export function paramValue(value: string): string {
  const encoded = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(LINE_BREAK, '^n')
    .replace(CONTROL, '');
  return /[:;,]/.test(encoded) ? `"${encoded}"` : encoded;
}

/** A URI or CAL-ADDRESS value: not escaped as TEXT, but a control character could end the line, so it is percent-encoded. */
function uriValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => encodeURIComponent(c));
}

/** A CAL-ADDRESS (§3.3.3) for an e-mail address. */
export function calAddress(email: string): string {
  return uriValue(`mailto:${email}`);
}

/** A UTC DATE-TIME (§3.3.5, form #2): YYYYMMDDTHHMMSSZ. Throws on an invalid date. */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Octets of one code point in UTF-8 (a lone surrogate is written as U+FFFD, also 3). */
function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (§3.1): no physical line longer than 75 octets of UTF-8, continuation lines start with
 * one space, a character is never split. Ends with CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF) + CRLF;
}

type Params = Record<string, string | undefined>;

/** One content line: NAME;PARAM=value…:value, folded. `value` must already be in its value type's form. */
export function contentLine(name: string, value: string, params: Params = {}): string {
  const paramText = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, v]) => `;${key}=${paramValue(v)}`)
    .join('');
  return foldLine(`${name}${paramText}:${value}`);
}

function person(name: string, who: Person, params: Params = {}): string {
  return contentLine(name, calAddress(who.email), { ...params, CN: who.name });
}

function event(e: CalendarEvent): string {
  return [
    contentLine('BEGIN', 'VEVENT'),
    contentLine('UID', escapeText(e.uid)),
    contentLine('SEQUENCE', String(Math.trunc(e.sequence))),
    contentLine('DTSTAMP', utcDateTime(e.stamp)),
    contentLine('DTSTART', utcDateTime(e.start)),
    contentLine('DTEND', utcDateTime(e.end)),
    contentLine('SUMMARY', escapeText(e.summary)),
    e.location !== undefined ? contentLine('LOCATION', escapeText(e.location)) : '',
    e.description !== undefined ? contentLine('DESCRIPTION', escapeText(e.description)) : '',
    e.organizer ? person('ORGANIZER', e.organizer) : '',
    ...(e.attendees ?? []).map((a) => person('ATTENDEE', a, {
      ROLE: a.role,
      PARTSTAT: a.partstat,
      RSVP: a.rsvp === undefined ? undefined : a.rsvp ? 'TRUE' : 'FALSE',
    })),
    e.url !== undefined ? contentLine('URL', uriValue(e.url)) : '',
    e.status ? contentLine('STATUS', e.status) : '',
    contentLine('END', 'VEVENT'),
  ].join('');
}

/** A whole VCALENDAR object, every line CRLF-terminated. */
export function calendar(c: Calendar): string {
  return [
    contentLine('BEGIN', 'VCALENDAR'),
    contentLine('VERSION', '2.0'),
    contentLine('PRODID', escapeText(c.prodId)),
    c.method ? contentLine('METHOD', c.method) : '',
    c.name !== undefined ? contentLine('NAME', escapeText(c.name)) + contentLine('X-WR-CALNAME', escapeText(c.name)) : '',
    ...c.events.map(event),
    contentLine('END', 'VCALENDAR'),
  ].join('');
}
