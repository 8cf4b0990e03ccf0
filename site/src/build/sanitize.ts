// Raw HTML inside Markdown is sanitised where it appears, token by token: block fragments go
// through sanitize-html; inline tags are single tokens (`<kbd>` and `</kbd>` arrive separately),
// so bare formatting tags are kept and anything else is sanitised on its own.
import { createRequire } from 'node:module';
import type sanitizeHtmlType from 'sanitize-html';

// Loaded on first use: sanitize-html (with postcss) takes ~100 ms to import, and most builds
// have no raw HTML at all.
let sanitizer: typeof sanitizeHtmlType | undefined;
function sanitizeHtml(html: string, options: sanitizeHtmlType.IOptions): string {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtmlType;
  return sanitizer(html, options);
}

const INLINE_FORMATTING = new Set(['kbd', 'sub', 'sup', 'mark', 'abbr', 'small', 'b', 'i', 'em', 'strong', 'code', 'br', 's', 'u', 'span', 'var', 'samp']);

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [
    ...['address', 'article', 'aside', 'footer', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'main', 'nav', 'section'],
    ...['blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'hr', 'li', 'ol', 'p', 'pre', 'ul'],
    ...['a', 'b', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'q', 's', 'small', 'span', 'strong', 'time', 'u'],
    ...['caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'],
    'img', 'details', 'summary', 'kbd', 'sup', 'sub', 'mark', 'abbr', 'var', 'samp'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    td: ['align'],
    th: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

export function sanitizeRawHtml(html: string, block: boolean): string {
  if (!block) {
    const bareTag = /^<(\/?)([a-z][a-z0-9]*)\s*(\/?)>$/i.exec(html.trim());
    if (bareTag && INLINE_FORMATTING.has((bareTag[2] ?? '').toLowerCase())) return html.trim().toLowerCase();
  }
  return sanitizeHtml(html, OPTIONS);
}
