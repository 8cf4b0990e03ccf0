/**
 * The part of a plain-text reply its sender typed, read line by line from the top:
 * - an Outlook header block or an "-----Original Message-----" rule starts the history: nothing below is kept
 *   (Outlook does not mark the earlier message's lines, so no answer can be told apart in it);
 * - an attribution ("On … wrote:", in five languages) followed by "> " lines is dropped, and so are the quoted
 *   lines below it unless the person answered under them; an attribution with an address but no "> " lines
 *   below it starts unmarked history, like Outlook's block;
 * - a signature ("-- ", "Sent from my iPhone") is dropped down to the next quote;
 * - quoted lines after the last line the person typed are history. Quoted lines *between* lines the person
 *   typed (an inline answer) are kept as the question being answered: one paragraph of the quote above each
 *   answer, at most a few lines, as "> " lines (the app renders them as a quote). A single quote followed by text
 *   with nothing typed above it is bottom-posting: that quote is history too.
 */
import { attributionLength, isAttribution, isOriginalMessageRule, isQuotedLine, outlookHeaderBlockLength } from './quote-headers.ts';
import { isSignatureStart } from './signatures.ts';
import { tidyText, toLines } from './text-lines.ts';

type Line = { kind: 'typed' | 'quoted' | 'blank'; text: string };
type Run = { quoted: boolean; lines: Line[] };

/** The question kept above an inline answer: at most this many lines of the quoted paragraph. */
const CONTEXT_MAX_LINES = 6;

/** A line of underscores or dashes: Outlook on the web draws one above its header block. */
const RULE = /^[_\-=]{5,}$/;

function unquote(line: string): string {
  return line.replace(/^( {0,3}>)+ ?/, '').trimEnd();
}

function nextNonBlank(lines: readonly string[], from: number): string | undefined {
  for (let index = from; index < lines.length; index++) if (lines[index]!.trim() !== '') return lines[index];
  return undefined;
}

function classify(lines: readonly string[]): Line[] {
  const kept: Line[] = [];
  let inSignature = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (isOriginalMessageRule(line) || outlookHeaderBlockLength(lines, index) > 0) break;
    const attribution = isQuotedLine(line) ? 0 : attributionLength(lines, index);
    if (attribution > 0) {
      if (isQuotedLine(nextNonBlank(lines, index + attribution) ?? '')) {
        index += attribution - 1;
        inSignature = false;
        continue;
      }
      if (lines.slice(index, index + attribution).some((part) => part.includes('@'))) break;
    }
    if (isQuotedLine(line)) {
      kept.push({ kind: 'quoted', text: unquote(line) });
      inSignature = false;
    } else if (isSignatureStart(line)) {
      inSignature = true;
    } else if (!inSignature) {
      kept.push({ kind: line.trim() === '' ? 'blank' : 'typed', text: line });
    }
  }
  return kept;
}

/** Drops what follows the last typed line: quoted history, blank lines, Outlook's rule above its header block. */
function withoutTrailingHistory(lines: Line[]): Line[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.kind !== 'typed' || RULE.test(lines[end - 1]!.text.trim()))) end--;
  return lines.slice(0, end);
}

function toRuns(lines: readonly Line[]): Run[] {
  const runs: Run[] = [];
  for (const line of lines) {
    const quoted = line.kind === 'quoted' || (line.kind === 'blank' && runs.at(-1)?.quoted === true);
    const last = runs.at(-1);
    if (last && last.quoted === quoted) last.lines.push(line);
    else runs.push({ quoted, lines: [line] });
  }
  return runs;
}

/**
 * The question a quote asks, as "> " lines: its last paragraph with a question mark in it, or its last
 * paragraph (people answering inline rarely trim the sign-off under the last question); attributions nested in
 * the quote are left out.
 */
function question(run: Run): string[] {
  const paragraphs: string[][] = [[]];
  for (const { text } of run.lines) {
    if (text.trim() === '') paragraphs.push([]);
    else if (!isAttribution(text)) paragraphs.at(-1)!.push(text);
  }
  const written = paragraphs.filter((paragraph) => paragraph.length > 0);
  const asked = written.filter((paragraph) => paragraph.some((line) => line.includes('?'))).at(-1) ?? written.at(-1) ?? [];
  return asked.slice(-CONTEXT_MAX_LINES).map((text) => `> ${text}`);
}

export function replyFromPlainText(text: string): string {
  const runs = toRuns(withoutTrailingHistory(classify(toLines(text))));
  const quotes = runs.filter((run) => run.quoted).length;
  const typedAboveFirstQuote = runs[0] !== undefined && !runs[0].quoted && runs[0].lines.some((line) => line.kind === 'typed');
  const interleaved = quotes >= 2 || (quotes === 1 && typedAboveFirstQuote);
  const out: string[] = [];
  for (const run of runs) {
    if (!run.quoted) for (const line of run.lines) out.push(line.text);
    else if (interleaved) for (const line of ['', ...question(run), '']) out.push(line);
  }
  return tidyText(out.join('\n'));
}

/**
 * The best effort when nothing in a mail looks typed for this reply (a bare forward, an answer typed inside the
 * quote): every line without its quote markers, less the headers clients write (attributions, Outlook's block,
 * the "Original Message" rule).
 */
export function allTextUnquoted(text: string): string {
  const lines = toLines(text).map(unquote);
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const header = isOriginalMessageRule(lines[index]!) ? 1 : attributionLength(lines, index) || outlookHeaderBlockLength(lines, index);
    if (header > 0) index += header - 1;
    else kept.push(lines[index]!);
  }
  return tidyText(kept.join('\n'));
}
