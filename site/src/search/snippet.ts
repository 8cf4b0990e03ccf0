// A short excerpt of a section around the first matched word, with matched words in <mark>.
import { analyzer, type Lang } from './analysis.ts';

const WORD = /[\p{L}\p{N}_]+/gu;
const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 200;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A word is marked when its term in a displayed language matched; stop words never are. */
function matches(word: string, terms: ReadonlySet<string>, langs: readonly Lang[]): boolean {
  const lower = word.toLowerCase();
  for (const lang of langs) {
    const term = analyzer(lang)(lower);
    if (term === null) return false;
    if (terms.has(term)) return true;
  }
  return terms.has(lower);
}

export function makeSnippet(text: string, terms: ReadonlySet<string>, langs: readonly Lang[]): string {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  const first = words.find((w) => matches(w.word, terms, langs));
  let start = first ? Math.max(0, first.start - CONTEXT_BEFORE) : 0;
  if (start > 0) start = words.find((w) => w.start >= start)?.start ?? start;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) end = [...words].reverse().find((w) => w.end <= end)?.end ?? end;
  let html = start > 0 ? '… ' : '';
  let cursor = start;
  for (const w of words) {
    if (w.start < start || w.end > end) continue;
    if (!matches(w.word, terms, langs)) continue;
    html += escapeHtml(text.slice(cursor, w.start)) + '<mark>' + escapeHtml(w.word) + '</mark>';
    cursor = w.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  return end < text.length ? html + ' …' : html;
}
