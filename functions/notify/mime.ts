import { randomBytes } from 'node:crypto';

export interface Mailbox {
  address: string;
  name?: string;
}

export interface Attachment {
  filename: string;
  /** Full media type with parameters, e.g. `text/calendar; method=REQUEST`. */
  contentType: string;
  content: string;
}

export interface OutgoingMail {
  from: Mailbox;
  to: Mailbox;
  /** Where replies go (a ticket's signed reply address, functions/inbound-mail). */
  replyTo?: Mailbox;
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
  /** Without angle brackets: `<id>@<domain>`. */
  messageId: string;
  date: Date;
  /** The id of the thread's root (a ticket's, a booking's), without angle brackets: In-Reply-To and References. */
  thread?: string;
  /** RFC 8058 one-click unsubscribe: List-Unsubscribe with this https URL, and List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
}

const CRLF = '\r\n';

/** Header values never carry line breaks: user text (a ticket subject) must not add headers. */
const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ').trim();
// eslint-disable-next-line no-control-regex
const isPlainAscii = (value: string) => /^[\x20-\x7e]*$/.test(value);

/** RFC 2047 encoded words of at most 75 characters each, never splitting a character. */
function encodedWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(`${CRLF} `);
}

function headerText(value: string): string {
  const line = oneLine(value);
  return isPlainAscii(line) && line.length <= 900 ? line : encodedWords(line);
}

export function formatMailbox({ address, name }: Mailbox): string {
  const cleanAddress = oneLine(address).replace(/[<>",;\s]/g, '');
  if (!name) return cleanAddress;
  const display = oneLine(name);
  const quoted = isPlainAscii(display) ? `"${display.replace(/(["\\])/g, '\\$1')}"` : encodedWords(display);
  return `${quoted} <${cleanAddress}>`;
}

function base64Lines(content: string): string {
  return (Buffer.from(content, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function part(contentType: string, content: string, extraHeaders: string[] = []): string {
  return [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', ...extraHeaders, '', base64Lines(content)].join(CRLF);
}

function multipart(subtype: string, parts: string[]): { contentType: string; body: string } {
  const boundary = `=_${randomBytes(12).toString('hex')}`;
  return {
    contentType: `multipart/${subtype}; boundary="${boundary}"`,
    body: [...parts.map((p) => `--${boundary}${CRLF}${p}`), `--${boundary}--`, ''].join(CRLF),
  };
}

/** The message as RFC 5322 text (MIME, CRLF line ends): text and HTML alternatives, then any attachments. */
export function toMime(mail: OutgoingMail): string {
  const alternative = multipart('alternative', [
    part('text/plain; charset=utf-8', mail.text),
    part('text/html; charset=utf-8', mail.html),
  ]);
  const body = mail.attachments.length === 0 ? alternative : multipart('mixed', [
    `Content-Type: ${alternative.contentType}${CRLF}${CRLF}${alternative.body}`,
    ...mail.attachments.map((a) => part(`${a.contentType}; charset=utf-8; name="${a.filename}"`, a.content, [`Content-Disposition: attachment; filename="${a.filename}"`])),
  ]);
  return `${headerLines(mail).join(CRLF)}${CRLF}Content-Type: ${body.contentType}${CRLF}${CRLF}${body.body}`;
}

const messageIdOf = (id: string) => `<${oneLine(id).replace(/[<>\s]/g, '')}>`;

/** The message's headers but its Content-Type, one per line: the one place a header is added. */
function headerLines(mail: OutgoingMail): string[] {
  return [
    `From: ${formatMailbox(mail.from)}`,
    `To: ${formatMailbox(mail.to)}`,
    ...(mail.replyTo ? [`Reply-To: ${formatMailbox(mail.replyTo)}`] : []),
    `Subject: ${headerText(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${messageIdOf(mail.messageId)}`,
    // Every mail about a ticket answers its (virtual) first message, so every client files them in one thread.
    ...(mail.thread ? [`In-Reply-To: ${messageIdOf(mail.thread)}`, `References: ${messageIdOf(mail.thread)}`] : []),
    ...(mail.unsubscribeUrl ? [`List-Unsubscribe: <${oneLine(mail.unsubscribeUrl)}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] : []),
    'MIME-Version: 1.0',
    // Marks the message as automatic so vacation responders stay quiet (RFC 3834).
    'Auto-Submitted: auto-generated',
  ];
}
