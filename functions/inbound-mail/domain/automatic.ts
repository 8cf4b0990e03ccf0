/**
 * Mail no person wrote: it never becomes a message and is never answered, or two robots would write to each
 * other for ever (an out-of-office reply to our notification, our answer to it, its answer to ours...). Pure.
 * The signs, per RFC 3834 (Auto-Submitted), RFC 3464/6522 (delivery reports), RFC 2076 and common practice
 * (Precedence, X-Autoreply, X-Autorespond, Microsoft's X-Auto-Response-Suppress is a request, not a sign):
 */
export type AutomaticReason =
  | 'auto-submitted' // Auto-Submitted: anything but "no"
  | 'precedence' // Precedence: bulk, junk or list
  | 'mailing-list' // List-Id or List-Unsubscribe: a list's copy, not a person's reply
  | 'delivery-report' // multipart/report (bounces, DSNs, read receipts)
  | 'mailer-daemon' // From MAILER-DAEMON or postmaster
  | 'null-sender' // the envelope's return path is empty: bounces and other notifications
  | 'autoreply-header' // X-Autoreply, X-Autorespond, X-Autoresponder
  | 'out-of-office' // the subject says it is an automatic reply, in the five languages
  | 'own-address'; // from one of our own addresses

/** What the rules look at: header values by lower-case name (the first of each). */
export interface MailSigns {
  header(name: string): string | undefined;
  /** The From address, lower case. */
  from: string;
  /** The envelope's MAIL FROM ("" for the null return path `<>`). */
  mailFrom: string;
  contentType: string;
  subject: string;
}

/**
 * Subjects of out-of-office and automatic replies (Outlook, Gmail, Thunderbird, Apple Mail) in English, French,
 * German, Spanish and Italian: at the start of the subject, where clients put them.
 */
const AUTOMATIC_SUBJECT = new RegExp(`^\\s*(${[
  'out of (the )?office', 'automatic reply', 'auto(matic)?[- ]?reply', 'auto:', 'autoreply', 'away from (the )?office', 'vacation',
  'absent', 'absence', 'réponse automatique', 'r[ée]ponse automatique', 'abwesenheit', 'automatische antwort', 'abwesend',
  'fuera de la oficina', 'respuesta automática', 'respuesta automatica', 'ausente', 'risposta automatica', 'fuori ufficio', 'assente',
  'undeliver(able|ed)', 'delivery status notification', 'mail delivery (failed|failure|subsystem)', 'returned mail',
].join('|')})`, 'i');

const MAILER_DAEMON = /^(mailer-daemon|postmaster)@/i;

export function automaticReason(mail: MailSigns, isOwnAddress: (address: string) => boolean): AutomaticReason | undefined {
  const autoSubmitted = mail.header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted)) return 'auto-submitted';
  if (/^(bulk|junk|list)\b/i.test(mail.header('precedence')?.trim() ?? '')) return 'precedence';
  if (mail.header('list-id') !== undefined || mail.header('list-unsubscribe') !== undefined) return 'mailing-list';
  if (/^multipart\/report\b/i.test(mail.contentType)) return 'delivery-report';
  if (MAILER_DAEMON.test(mail.from)) return 'mailer-daemon';
  const mailFrom = mail.mailFrom.trim().replace(/^<|>$/g, '');
  if (mailFrom === '' || MAILER_DAEMON.test(mailFrom)) return 'null-sender';
  if (['x-autoreply', 'x-autorespond', 'x-autoresponder'].some((name) => mail.header(name) !== undefined)) return 'autoreply-header';
  if (AUTOMATIC_SUBJECT.test(mail.subject)) return 'out-of-office';
  if (isOwnAddress(mail.from) || isOwnAddress(mailFrom)) return 'own-address';
  return undefined;
}
