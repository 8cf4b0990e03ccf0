// Raw HTML inside Markdown is sanitised where it appears, token by token: block fragments go
// through sanitize-html; inline tags are single tokens (`<kbd>` and `</kbd>` arrive separately),
// so bare formatting tags are kept and anything else is sanitised on its own.
import sanitizeHtml from 'sanitize-html';

const INLINE_FORMATTING = new Set(['kbd', 'sub', 'sup', 'mark', 'abbr', 'small', 'b', 'i', 'em', 'strong', 'code', 'br', 's', 'u', 'span', 'var', 'samp']);

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'details', 'summary', 'kbd', 'sup', 'sub', 'mark', 'abbr', 'var', 'samp'],
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
