/**
 * Characters that are not text a person meant to show: one definition for what input validation refuses and what
 * names taken from tokens are cleaned of.
 */

/** C0 controls but TAB, LF and CR; DEL; C1 controls (U+0080–U+009F, NEL among them). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What ends a line anywhere (LF, CR and Unicode's LINE and PARAGRAPH SEPARATOR; NEL is a C1 control). */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), zero-width and direction marks
 * (U+200B–200F), word joiner and invisible operators (U+2060–2064), and the byte-order mark: in a one-line field
 * they only serve to make text read differently from what it is ("gnp.exe" shown as "exe.png").
 */
export const INVISIBLE_OR_BIDI = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const global = (pattern: RegExp) => new RegExp(pattern.source, 'g');
const BREAKS_AND_CONTROLS = global(new RegExp(`${LINE_BREAK.source}|${CONTROL_CHARACTER.source}|\\t`));
const INVISIBLE = global(INVISIBLE_OR_BIDI);

/** A display name made safe for one line (names come from the identity provider: cleaned, not refused). */
export function oneLine(value: string): string {
  return value.replace(INVISIBLE, '').replace(BREAKS_AND_CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
}
