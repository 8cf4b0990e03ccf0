import { bookingInvitation, invitationMethod } from '../../bookings/calendar.ts';
import { TICKET_CATEGORY_LABELS } from '../../core/catalog.ts';
import type { BookingFacts } from '../../events/domain/events.ts';
import type { Notice } from '../domain/notice.ts';
import type { Attachment } from '../mime.ts';
import { fileSize } from '../../attachments/domain/limits.ts';
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
}

type Values = Record<string, string>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** Fills `{name}` placeholders; `encode` is applied to every value (never to our own template text). */
function fill(template: string, values: Values, encode: (value: string, key: string) => string = (v) => v): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => encode(values[key] ?? '', key));
}

/** Values that are links we put there (the meeting link is validated https by the bookings API). */
const LINK_VALUES = new Set(['link', 'preferences']);
const isLinkValue = (key: string) => LINK_VALUES.has(key) || key.startsWith('fileLink');

function htmlValue(value: string, key: string): string {
  const escaped = escapeHtml(value);
  return isLinkValue(key) && /^https?:\/\//.test(value) ? `<a href="${escaped}">${escaped}</a>` : escaped;
}

/** English as written in Europe (day before month, 24-hour clock). */
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES', de: 'de-DE', fr: 'fr-FR' };

/** A moment in a zone, the zone named (UTC unless the notice says whose zone it is written for). */
function formatWhen(iso: string, lang: Language, timeZone = 'UTC'): string {
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
}

function invitation(booking: BookingFacts): Attachment {
  return { filename: 'invitation.ics', contentType: `text/calendar; method=${invitationMethod(booking)}`, content: bookingInvitation(booking) };
}

function content(notice: Notice, s: Strings, lang: Language, publicUrl: string): Content {
  const base = publicUrl.replace(/\/+$/, '');
  if (notice.template === 'booking' || notice.template === 'reminder') {
    const { booking, side } = notice;
    const values: Values = {
      when: formatWhen(booking.start, lang),
      from: booking.rescheduledFrom ? formatWhen(booking.rescheduledFrom, lang) : '',
      topic: booking.topic,
      expert: booking.expertName,
      requester: booking.requesterName,
      org: notice.orgName ?? booking.orgId,
      other: side === 'requester' ? booking.expertName : booking.requesterName,
      reason: booking.cancelReason ?? '',
      link: booking.meetingLink,
    };
    const action = { label: s.openSessions, url: `${base}/app/mentoring/` };
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
    due: 'due' in notice ? formatWhen(notice.due, lang, 'timeZone' in notice ? notice.timeZone : undefined) : '',
    assignee: 'assigneeName' in notice ? notice.assigneeName ?? s.theTeam : '',
    reason: 'reason' in notice ? notice.reason : '',
    until: 'until' in notice ? formatWhen(notice.until, lang) : '',
  };
  // Files sent with a reply: their names and links (the files stay behind sign-in, never in the mail).
  const files = 'files' in notice ? notice.files ?? [] : [];
  files.forEach((file, i) => {
    values[`fileName${i}`] = `${file.filename} (${fileSize(file.size)})`;
    values[`fileLink${i}`] = `${base}/app/tickets/${encodeURIComponent(ticket.id)}${file.text ? `/attachments/${encodeURIComponent(file.id)}` : ''}`;
  });
  const extra = files.length ? [s.filesSent, ...files.map((_, i) => `{fileName${i}}: {fileLink${i}}`)] : [];
  return { texts: s[notice.template], values, extra, action: { label: s.openTicket, url: `${base}/app/tickets/${encodeURIComponent(ticket.id)}` }, attachments: [] };
}

/** A message in the recipient's language, as text and as HTML (every value escaped), linking back to the site. */
export function render(notice: Notice, recipient: { name: string; lang?: string }, options: RenderOptions): Rendered {
  const lang = languageFor(recipient.lang);
  const s = STRINGS[lang];
  const { texts, values, extra, action, attachments } = content(notice, s, lang, options.publicUrl);
  const all: Values = { ...values, name: recipient.name, preferences: `${options.publicUrl.replace(/\/+$/, '')}/app/notifications/` };
  const footer = options.mandatory ? s.footerMandatory : s.footer;
  const paragraphs = [texts.body, ...extra];

  const text = [
    fill(s.greeting, all),
    '',
    ...paragraphs.map((p) => fill(p, all)),
    '',
    `${action.label}: ${action.url}`,
    '',
    '-- ',
    fill(footer, all),
    '',
  ].join('\n');

  const linkify = (template: string) => fill(template, all, htmlValue);
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(fill(texts.subject, all))}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;color:#1b1f24;max-width:36rem;margin:0 auto;padding:1rem">
<p>${fill(s.greeting, all, escapeHtml)}</p>
${paragraphs.map((p) => `<p>${linkify(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.5rem 1rem;background:#0b57d0;color:#fff;border-radius:.25rem;text-decoration:none">${escapeHtml(action.label)}</a></p>
<hr style="border:none;border-top:1px solid #ccd">
<p style="font-size:.85rem;color:#4a525c">${linkify(footer)}</p>
</body></html>
`;
  return { subject: fill(texts.subject, all), text, html, attachments };
}
