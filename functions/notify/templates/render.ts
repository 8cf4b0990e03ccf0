import { bookingInvitation, invitationMethod } from '../../bookings/calendar.ts';
import { TICKET_CATEGORY_LABELS } from '../../core/catalog.ts';
import type { BookingFacts } from '../../events/domain/events.ts';
import type { Notice } from '../domain/notice.ts';
import type { Attachment } from '../mime.ts';
import { fileSize } from '../../attachments/domain/limits.ts';
import type { QuotedMessage } from '../domain/notice.ts';
import { escapeHtml } from './escape.ts';
import { fill } from './fill.ts';
import { appLinks } from './links.ts';
import { markdownToMailHtml } from './markdown.ts';
import { languageFor, STRINGS, type Language, type Strings, type Texts } from './strings.ts';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  attachments: Attachment[];
}

export interface RenderOptions {
  publicUrl: string;
  /** Whether the recipient could not have turned this message off (changes the footer). */
  mandatory: boolean;
  /** The one-click link that turns this kind off for the recipient (optional kinds only). */
  unsubscribeUrl?: string;
}

export interface Recipient {
  name: string;
  lang?: string;
  /** IANA zone of every time in the mail; else the zone the notice was written for (the centre's), else UTC. */
  timeZone?: string;
}

type Values = Record<string, string>;

export { escapeHtml };


/** Values that are links we put there (the meeting link is validated https by the bookings API). */
const LINK_VALUES = new Set(['link', 'preferences', 'unsubscribe']);
const isLinkValue = (key: string) => LINK_VALUES.has(key) || key.startsWith('fileLink');

function htmlValue(value: string, key: string): string {
  const escaped = escapeHtml(value);
  return isLinkValue(key) && /^https?:\/\//.test(value) ? `<a href="${escaped}">${escaped}</a>` : escaped;
}

/** English as written in Europe (day before month, 24-hour clock). */
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', de: 'de-DE', fr: 'fr-FR', it: 'it-IT' };

/** A moment in the recipient's zone, the zone named. */
function formatWhen(iso: string, lang: Language, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
  return timeZone === 'UTC' ? `${formatted} UTC` : `${formatted} (${timeZone})`;
}

/** The parts of one message before it is laid out as text and HTML. */
interface Content {
  texts: Texts;
  values: Values;
  /** Further sentences, each a template filled with `values`. */
  extra: string[];
  action: { label: string; url: string };
  attachments: Attachment[];
  /** A reply's own text and the public messages before it, newest first. */
  conversation?: { message: QuotedMessage; earlier: QuotedMessage[] };
}

function invitation(booking: BookingFacts): Attachment {
  return { filename: 'invitation.ics', contentType: `text/calendar; method=${invitationMethod(booking)}`, content: bookingInvitation(booking) };
}

function content(notice: Notice, s: Strings, lang: Language, publicUrl: string, zone: string): Content {
  const links = appLinks(publicUrl);
  const when = (iso: string) => formatWhen(iso, lang, zone);
  if (notice.template === 'booking' || notice.template === 'reminder') {
    const { booking, side } = notice;
    const values: Values = {
      when: when(booking.start),
      from: booking.rescheduledFrom ? when(booking.rescheduledFrom) : '',
      topic: booking.topic,
      expert: booking.expertName,
      requester: booking.requesterName,
      org: notice.orgName ?? booking.orgId,
      other: side === 'requester' ? booking.expertName : booking.requesterName,
      reason: booking.cancelReason ?? '',
      link: booking.meetingLink,
    };
    const action = { label: s.openSessions, url: links.sessions };
    const join = booking.meetingLink ? [s.join] : [];
    if (notice.template === 'reminder') {
      return { texts: notice.lead === '24h' ? s.reminder24h : s.reminder1h, values, extra: join, action, attachments: [] };
    }
    const texts = notice.change === 'confirmed'
      ? (side === 'requester' ? s.bookingConfirmedRequester : s.bookingConfirmedExpert)
      : notice.change === 'rescheduled' ? s.bookingRescheduled : s.bookingCancelled;
    const extra = notice.change === 'cancelled'
      ? [...(booking.cancelReason ? [s.reason] : []), s.invitationAttached]
      : [...join, s.invitationAttached];
    return { texts, values, extra, action, attachments: [invitation(booking)] };
  }
  const { ticket } = notice;
  const values: Values = {
    ref: ticket.reference,
    subject: ticket.subject,
    category: TICKET_CATEGORY_LABELS[ticket.category],
    priority: s.priorities[ticket.priority],
    requester: ticket.requesterName,
    actor: 'actorName' in notice ? notice.actorName : '',
    target: 'target' in notice ? s[notice.target] : '',
    due: 'due' in notice ? when(notice.due) : '',
    assignee: 'assigneeName' in notice ? notice.assigneeName ?? s.theTeam : '',
    reason: 'reason' in notice ? notice.reason : '',
    until: 'until' in notice ? when(notice.until) : '',
    noteTo: notice.noteTo ?? '',
  };
  // Files sent with a reply: their names and links (the files stay behind sign-in, never in the mail).
  const files = 'files' in notice ? notice.files ?? [] : [];
  files.forEach((file, i) => {
    values[`fileName${i}`] = `${file.filename} (${fileSize(file.size)})`;
    values[`fileLink${i}`] = links.file(ticket.id, file.id, file.text);
  });
  const extra = [...(files.length ? [s.filesSent, ...files.map((_, i) => `{fileName${i}}${colon(lang)} {fileLink${i}}`)] : []), ...(notice.noteTo ? [s.internalNote] : [])];
  const conversation = 'message' in notice && notice.message ? { message: notice.message, earlier: notice.earlier ?? [] } : undefined;
  // "Giulia Rossi took ticket …", not "Giulia Rossi assigned ticket … to Giulia Rossi".
  const texts = s[notice.template];
  return { texts, values, extra, action: { label: s.openTicket, url: links.ticket(ticket.id) }, attachments: [], ...(conversation ? { conversation } : {}) };
}

/** "> " before every line: how plain-text mail quotes. */
const quoted = (text: string) => text.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');

interface ConversationParts {
  /** The reply itself, above the button. */
  reply: { text: string[]; html: string };
  /** The earlier messages, quoted below it. */
  earlier: { text: string[]; html: string[] };
}

/** The reply's text, then the earlier messages quoted, newest first: as plain text (the Markdown as typed) and as HTML. */
function conversationParts(conversation: Content['conversation'], s: Strings, when: (iso: string) => string): ConversationParts {
  if (!conversation) return { reply: { text: [], html: '' }, earlier: { text: [], html: [] } };
  const heading = (m: QuotedMessage) => fill(s.wrote, { author: m.authorName, when: when(m.at) });
  const earlier: ConversationParts['earlier'] = { text: [], html: [] };
  if (conversation.earlier.length) {
    earlier.text.push(s.earlier, '');
    earlier.html.push(`<p style="color:#4a525c">${escapeHtml(s.earlier)}</p>`);
    for (const m of conversation.earlier) {
      earlier.text.push(quoted(`${heading(m)}\n\n${m.body.trim()}`), '');
      earlier.html.push(`<blockquote style="margin:0 0 1em;padding-left:.75em;border-left:3px solid #ccd;color:#4a525c"><p><em>${escapeHtml(heading(m))}</em></p>${markdownToMailHtml(m.body)}</blockquote>`);
    }
  }
  return {
    reply: {
      text: [conversation.message.body.trim(), ''],
      html: `<div style="margin:1em 0;padding:.25em 1em;border-left:4px solid #0b57d0">${markdownToMailHtml(conversation.message.body)}</div>`,
    },
    earlier,
  };
}

/** A label's colon: French sets a space before it, as its strings do ("Rejoindre l’appel : …"). */
const colon = (lang: string) => (lang === 'fr' ? ' :' : ':');

/** A message in the recipient's language, as text and as HTML (every value escaped), linking back to the site. */
export function render(notice: Notice, recipient: Recipient, options: RenderOptions): Rendered {
  const lang = languageFor(recipient.lang);
  const s = STRINGS[lang];
  const zone = recipient.timeZone ?? ('timeZone' in notice ? notice.timeZone : undefined) ?? 'UTC';
  const { texts, values, extra, action, attachments, conversation } = content(notice, s, lang, options.publicUrl, zone);
  const all: Values = { ...values, name: recipient.name, preferences: appLinks(options.publicUrl).preferences, unsubscribe: options.unsubscribeUrl ?? '' };
  const footer = options.mandatory ? [s.footerMandatory] : [s.footer, ...(options.unsubscribeUrl ? [s.unsubscribe] : [])];
  const paragraphs = [texts.body, ...extra];
  const thread = conversationParts(conversation, s, (iso) => formatWhen(iso, lang, zone));

  const text = [
    fill(s.greeting, all),
    '',
    ...paragraphs.map((p) => fill(p, all)),
    '',
    ...thread.reply.text,
    `${action.label}${colon(lang)} ${action.url}`,
    '',
    ...thread.earlier.text,
    '-- ',
    ...footer.map((line) => fill(line, all)),
    '',
  ].join('\n');

  const linkify = (template: string) => fill(template, all, htmlValue);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(fill(texts.subject, all))}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem;margin:0 auto;padding:1rem">
<p>${fill(s.greeting, all, escapeHtml)}</p>
${paragraphs.map((p) => `<p>${linkify(p)}</p>`).join('\n')}
${thread.reply.html}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.5rem 1rem;background:#0b57d0;color:#fff;border-radius:.25rem;text-decoration:none">${escapeHtml(action.label)}</a></p>
${thread.earlier.html.join('\n')}
<hr style="border:none;border-top:1px solid #ccd">
${footer.map((line) => `<p style="font-size:.85rem;color:#4a525c">${linkify(line)}</p>`).join('\n')}
</body></html>
`;
  return { subject: fill(texts.subject, all), text, html, attachments };
}
