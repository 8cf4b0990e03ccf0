// Build-time syntax highlighting of code blocks (highlight.js, its common languages). Used by the
// renderer (markdown.ts) and, for the command's builds, by the second thread (outputThread.ts): the
// main thread leaves a placeholder for each block and the second thread, idle most of the time,
// highlights them while the next guides render (~85 ms of 1,000 guides' rendering moved off the
// critical path). The same function either way, so the same bytes.
import hljs from 'highlight.js/lib/common';

/** A code block to highlight later: `placeholder` in the HTML becomes highlightCode(language, text). */
export interface HighlightJob {
  placeholder: string;
  language: string;
  text: string;
}

export function isHighlightable(language: string): boolean {
  return language !== '' && hljs.getLanguage(language) !== undefined;
}

export function highlightCode(language: string, text: string): string {
  return hljs.highlight(text, { language, ignoreIllegals: true }).value;
}

/** Placeholders hold a NUL character, which rendered HTML never has otherwise (a source that has one is highlighted at once). */
export const PLACEHOLDER = /\u0000hl\d+\u0000/g;
