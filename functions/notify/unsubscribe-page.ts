import { escapeHtml } from './templates/escape.ts';
import type { NotificationKind } from './domain/kinds.ts';

/** What each optional kind is called on the unsubscribe page (the mandatory ones have no link). */
const KIND_NAMES: Record<NotificationKind, string> = {
  ticketReply: 'replies on your tickets', ticketResolved: 'tickets marked resolved', newTicket: 'new tickets in the categories you follow',
  bookingChange: 'booking changes', sessionReminder: 'mentoring session reminders', slaWarning: 'SLA warnings', slaBreach: 'SLA breaches',
  ticketAcknowledgement: 'acknowledgements of your new tickets', ticketAssigned: 'tickets assigned to you',
  unassignedTicket: 'tickets routing could not assign', ticketAtRisk: 'tickets at risk while their expert is away',
};

/** A page without script or inline style, so the site's Content-Security-Policy holds for it too. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · HPC AI Support Centre</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
<p><a href="/app/notifications/">Choose which e-mails you get</a> (after signing in).</p></main></body></html>
`;
}

/** GET: asks before acting, so a link scanner that opens every link in a mail turns nothing off. */
export const confirmPage = (kind: NotificationKind, action: string) => page('Stop these e-mails?', `<p>You will no longer get e-mails about ${escapeHtml(KIND_NAMES[kind])}.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop these e-mails</button></form>`);

export const donePage = (kind: NotificationKind) => page('Done', `<p>You will no longer get e-mails about ${escapeHtml(KIND_NAMES[kind])}. You can turn them on again at any time.</p>`);

export const invalidPage = () => page('This link does not work', '<p>The link is not complete or not valid. Copy the whole link from the e-mail, or choose your e-mails after signing in.</p>');
