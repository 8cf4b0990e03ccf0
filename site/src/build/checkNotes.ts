// "Check" notes: facts that change often (cut-offs, QoS limits, module versions, container paths) are
// marked in the Markdown with the source to re-check and the date it was last checked:
//
//   > [!CHECK] source=https://docs.example.eu/page/ checked=2026-12-06
//   > What to re-check, in a sentence.
//
// Pure functions: parsing the marker line and describing what is wrong with it.
import { isIsoDate } from './dates.ts';

export interface CheckNote {
  source: string;
  /** ISO date the fact was last checked against the source */
  checked: string;
  /** the note's text, plain */
  text: string;
  /** the heading the note sits under ('' before the first heading) */
  anchor: string;
}

export const CHECK_MARKER = /^\[!CHECK\][ \t]*([^\n]*)(?:\n|$)/i;

export interface CheckHeader {
  source?: string;
  checked?: string;
  /** what followed the attributes on the marker line, if anything */
  rest: string;
}

export function parseCheckHeader(line: string): CheckHeader {
  const source = /(?:^|\s)source=(\S+)/.exec(line)?.[1];
  const checked = /(?:^|\s)checked=(\S+)/.exec(line)?.[1];
  const rest = line.replace(/(?:^|\s)(?:source|checked)=\S+/g, ' ').trim();
  return { source, checked, rest };
}

/** Problems with a Check note's attributes, in an author's words; empty when it is well formed. */
export function checkHeaderProblems(header: CheckHeader): string[] {
  const problems: string[] = [];
  if (!header.source) problems.push('a Check note needs source=<https URL>');
  else if (!isHttpsUrl(header.source)) problems.push(`a Check note's source "${header.source}" must be an absolute https URL`);
  if (!header.checked) problems.push('a Check note needs checked=<YYYY-MM-DD>');
  else if (!isIsoDate(header.checked)) problems.push(`a Check note's checked date "${header.checked}" must be an ISO date like 2026-11-27`);
  return problems;
}

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
