/**
 * Reading a raw mail (RFC 5322/MIME bytes) into what the channel needs, with postal-mime.
 *
 * Why postal-mime and not mailparser: both are Andris Reinman's (Nodemailer), kept up to date and used in
 * production at scale. Bundled alone with esbuild (minified, ESM, node): mailparser 1119 KiB / 412 KiB gzip (it
 * pulls in libmime, iconv-lite's tables, html-to-text, linkify-it, tlds...), three times the whole minimal Hono +
 * DynamoDB handler (360 KiB) whose 1.3× is each bundle's budget; postal-mime, with no dependencies, 89 KiB /
 * 29 KiB gzip (half of it its HTML entity table). It decodes every transfer encoding and charset the runtime's
 * TextDecoder knows, RFC 2047/2231 words and names, and bounds nesting, header size and part count.
 */
import { createHash } from 'node:crypto';
import PostalMime, { addressParser } from 'postal-mime';

export interface ReceivedFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Plain data (it crosses from the parsing function to the processing one as JSON in AWS, see README.md). */
export interface ParsedMail {
  /** Each header's first value, by lower-case name. */
  headers: Record<string, string>;
  /** The From mailbox when there is exactly one (address in lower case). */
  from?: { address: string; name: string };
  subject: string;
  messageId?: string;
  contentType: string;
  /**
   * The text/plain body; absent when the mail has none (postal-mime converts HTML into it only for an HTML-only
   * part of a mail that also has a text/plain one), so an HTML-only mail is read from `html` by our own converter.
   */
  text?: string;
  html?: string;
  /** The files sent; images only referenced by the HTML (a signature's logo) are not among them. */
  files: ReceivedFile[];
  /** SHA-256 of the raw bytes: the mail's identity when it has no Message-ID. */
  fingerprint: string;
}

export async function parseMail(raw: Uint8Array): Promise<ParsedMail> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 32, maxPartCount: 500 });
  const headers: Record<string, string> = {};
  for (const { key, value } of email.headers) headers[key] ??= value;
  // postal-mime answers the first mailbox of the first From; a mail naming several authors (two mailboxes, or two
  // From lines) has no one sender to hold to a reply address, so it has none (RFC 5322 would want a Sender).
  const fromLines = email.headers.filter((header) => header.key === 'from');
  const single = fromLines.length === 1 && addressParser(fromLines[0]!.value).length === 1;
  const from = single && email.from && !email.from.group && email.from.address ? { address: email.from.address.trim().toLowerCase(), name: email.from.name } : undefined;
  return {
    headers,
    from,
    subject: email.subject ?? '',
    messageId: email.messageId?.trim() || undefined,
    contentType: headers['content-type'] ?? 'text/plain',
    text: email.text,
    html: email.html,
    files: email.attachments
      .filter((a) => !(a.related && a.disposition !== 'attachment'))
      .map((a, i) => ({
        filename: a.filename?.trim() || `attachment-${i + 1}`,
        contentType: a.mimeType,
        bytes: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content as ArrayBuffer),
      })),
    fingerprint: createHash('sha256').update(raw).digest('hex'),
  };
}

/** The header block of a mail too large to read whole: enough to know who wrote it and answer them. */
export function headerBlock(raw: Uint8Array, limit = 256 * 1024): Uint8Array {
  const head = raw.subarray(0, Math.min(raw.length, limit));
  for (let i = 0; i + 1 < head.length; i++) {
    if (head[i] === 0x0a && (head[i + 1] === 0x0a || (head[i + 1] === 0x0d && head[i + 2] === 0x0a))) return head.subarray(0, i + 1);
  }
  return head;
}
