/**
 * The lines mail clients write above the message being answered, in English, French, German, Spanish and
 * Italian: the attribution ("On … wrote:", which Gmail wraps over two or three lines), Outlook's header block
 * ("From: … Sent: … To: … Subject: …") and the "-----Original Message-----" rule.
 *
 * Each test is a prefix, a bounded length or an end-anchored pattern, tried only on a line that starts the way
 * a header starts, so a long or hostile line costs linear time.
 */

/** An attribution is one logical line; Gmail's plain text wraps it, at most over this many lines. */
const ATTRIBUTION_MAX_LINES = 3;
const ATTRIBUTION_MAX_LENGTH = 400;

/**
 * How an attribution starts and ends in each language; what lies between (date, time, name, address) varies
 * too much by client and locale to spell out. Plain string tests and end-anchored patterns keep it linear.
 */
const ATTRIBUTIONS: ReadonlyArray<(line: string) => boolean> = [
  (line) => line.startsWith('On ') && /\swrote\s?:$/.test(line), // Gmail, Apple Mail, Thunderbird, Outlook for Mac
  (line) => line.startsWith('Le ') && /\sa\s+écrit\s?:$/.test(line),
  (line) => line.startsWith('Am ') && /\sschrieb[\s:]/.test(line) && line.endsWith(':'),
  // Gmail on phones, German: "Ana García <ana@…> schrieb am Di., 1. Dez. 2026, 10:00:"
  (line) => /<[^<>\s]+@[^<>\s]+>\s+schrieb\s+am\s/.test(line) && line.endsWith(':'),
  (line) => line.startsWith('El ') && /\sescribió\s?:$/.test(line),
  (line) => line.startsWith('Il ') && /\sha\s+scritto\s?:$/.test(line),
];
const ATTRIBUTION_START = /^(On|Le|Am|El|Il)(\s|$)|<[^<>\s]+@/;

const ORIGINAL_MESSAGE = /^-{2,}\s*(Original Message|Message d['’]origine|Message original|Ursprüngliche Nachricht|Originalnachricht|Mensaje original|Messaggio originale)\s*-{2,}$/i;

/** Outlook's field names, in the five languages (French puts a space before the colon). */
const OUTLOOK_FROM = /^\*?(From|De|Von|Da)\*?\s?:/i;
const OUTLOOK_FIELD = /^\*?(Sent|Date|To|Cc|Subject|Envoyé|À|A|Objet|Gesendet|Datum|An|Betreff|Enviado el|Enviado|Fecha|Para|Asunto|Inviato|Data|Oggetto)\*?\s?:/i;
/** The fields after "From:" seen within this many lines make a header block (long address lists wrap). */
const OUTLOOK_WINDOW = 6;
const OUTLOOK_FIELDS_NEEDED = 2;

export function isQuotedLine(line: string): boolean {
  return /^ {0,3}>/.test(line);
}

/** The attribution's wording alone: a date (a digit) is required, so "On LUMI the job wrote:" is not one. */
export function isAttribution(text: string): boolean {
  const line = text.trim();
  return line.length <= ATTRIBUTION_MAX_LENGTH && /\d/.test(line) && ATTRIBUTIONS.some((matches) => matches(line));
}

/** How many lines, from `index`, form an attribution (wrapped lines joined); 0 when none does. */
export function attributionLength(lines: readonly string[], index: number): number {
  if (!ATTRIBUTION_START.test(lines[index]!.trim())) return 0;
  let joined = '';
  for (let length = 1; length <= ATTRIBUTION_MAX_LINES && index + length <= lines.length; length++) {
    const line = lines[index + length - 1]!.trim();
    if (length > 1 && (line === '' || isQuotedLine(line))) return 0;
    joined = length === 1 ? line : `${joined} ${line}`;
    if (joined.length > ATTRIBUTION_MAX_LENGTH) return 0;
    if (isAttribution(joined)) return length;
  }
  return 0;
}

export function isOriginalMessageRule(line: string): boolean {
  return ORIGINAL_MESSAGE.test(line.trim());
}

/**
 * How many lines, from `index`, form an Outlook header block (0 when none starts there): a "From:" line with
 * enough of the other fields below it, up to the blank line that ends the block.
 */
export function outlookHeaderBlockLength(lines: readonly string[], index: number): number {
  if (!OUTLOOK_FROM.test(lines[index]!.trim())) return 0;
  const window = lines.slice(index + 1, index + 1 + OUTLOOK_WINDOW);
  if (window.filter((line) => OUTLOOK_FIELD.test(line.trim())).length < OUTLOOK_FIELDS_NEEDED) return 0;
  const blank = window.findIndex((line) => line.trim() === '');
  return 1 + (blank === -1 ? window.length : blank);
}
