// Reads a message of the local outbox (RFC 5322 / MIME, as functions/notify/mime.ts writes it) in the
// browser: headers with RFC 2047 encoded words, multipart bodies, base64 / quoted-printable parts.
export interface ReadMail {
  headers: Record<string, string>;
  text?: string;
  html?: string;
  attachments: Array<{ filename: string; contentType: string; bytes: Uint8Array }>;
}

const utf8 = new TextDecoder();

function base64Bytes(value: string): Uint8Array {
  const binary = atob(value.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function quotedPrintableBytes(value: string): Uint8Array {
  const text = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(text[i]!));
    }
  }
  return Uint8Array.from(bytes);
}

/** =?UTF-8?B?…?= and =?UTF-8?Q?…?= words; the whitespace between two encoded words is not text. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_, charset: string, kind: string, data: string) => {
      const bytes = kind.toUpperCase() === 'B' ? base64Bytes(data) : quotedPrintableBytes(data.replace(/_/g, ' '));
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function split(entity: string): { headers: Record<string, string>; body: string } {
  const end = entity.search(/\r?\n\r?\n/);
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? '' : entity.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const parameter = (header: string, name: string) => header.match(new RegExp(`${name}="?([^";]+)"?`, 'i'))?.[1];

export function readMail(raw: string): ReadMail {
  const top = split(raw);
  const mail: ReadMail = { headers: top.headers, attachments: [] };
  const walk = ({ headers, body }: { headers: Record<string, string>; body: string }) => {
    const type = headers['content-type'] ?? 'text/plain';
    const boundary = parameter(type, 'boundary');
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      const parts = body.split(`--${boundary}`).slice(1);
      for (const part of parts) {
        if (part.startsWith('--')) break;
        walk(split(part.replace(/^\r?\n/, '')));
      }
      return;
    }
    const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
    const bytes = encoding === 'base64' ? base64Bytes(body) : encoding === 'quoted-printable' ? quotedPrintableBytes(body) : new TextEncoder().encode(body);
    const disposition = headers['content-disposition'] ?? '';
    const filename = parameter(disposition, 'filename') ?? parameter(type, 'name');
    const media = type.split(';')[0]!.trim().toLowerCase();
    if (disposition.toLowerCase().startsWith('attachment') || filename) mail.attachments.push({ filename: filename ?? 'attachment', contentType: type, bytes });
    else if (media === 'text/html' && mail.html === undefined) mail.html = utf8.decode(bytes);
    else if (media === 'text/plain' && mail.text === undefined) mail.text = utf8.decode(bytes);
  };
  walk(top);
  return mail;
}

/**
 * A mail's HTML with its style attributes renamed `data-mail-css`, before anything parses it: a document parsed
 * in the page (DOMPurify, DOMParser) falls under the page's CSP, which reports each style attribute it meets.
 * Only attributes inside tags are renamed; text (escaped in the mail) is left alone.
 */
export function withStylesAsData(source: string): string {
  return source.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)style(\s*=)/gi, '$1data-mail-css$2'));
}
