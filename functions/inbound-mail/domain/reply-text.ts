/**
 * The text a person typed in a reply mail, for the ticket's new message: the quoted history, attributions,
 * Outlook's header block and the signature removed (plain-reply.ts says how), an inline answer kept with the
 * question it answers.
 *
 * The text/plain part is read when there is one: it is what the sender's client wrote for readers without
 * HTML, and it marks quotes with "> ". A mail with HTML only is turned into safe plain text first
 * (html-to-text.ts), its quote blocks as "> " lines and Outlook's history cut off, then read the same way.
 *
 * Never empty when the mail has text: when everything looks quoted (a bare forward, a reply typed inside the
 * quote), every line is returned without its quote markers, best effort rather than losing the message.
 */
import { htmlToText } from './html-to-text.ts';
import { allTextUnquoted, replyFromPlainText } from './plain-reply.ts';

export interface MailBodies {
  text?: string;
  html?: string;
}

export function extractReply(mail: MailBodies): string {
  const hasText = mail.text !== undefined && mail.text.trim() !== '';
  const body = hasText ? mail.text! : htmlToText(mail.html ?? '');
  const reply = replyFromPlainText(body);
  if (reply !== '') return reply;
  const everything = allTextUnquoted(body);
  if (everything !== '' || hasText) return everything;
  // Nothing typed above Outlook's history marker (a bare forward from Outlook on the web): keep what follows it.
  return allTextUnquoted(htmlToText(mail.html ?? '', { keepHistory: true }));
}
