/**
 * The one shape every text leaving this folder has: "\n" line ends, no trailing blanks on a line, at most one
 * blank line in a row, none at the start or end, no-break spaces as spaces (Outlook writes them for empty
 * lines) and no control characters other than tab and newline, nor the zero-width characters clients slip
 * in (Apple Mail's U+FEFF), which no person types.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\uFEFF]/g;

export function toLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n').map((line) => line.trimEnd());
}

export function tidyText(text: string): string {
  return toLines(text)
    .join('\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}
