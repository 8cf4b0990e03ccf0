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
 *
 * Hand-written, measured against the libraries (esbuild, minified, gzip -9, as the Lambda bundles are built):
 * this folder bundles to 10.3 KiB minified, 4.6 KiB gzip, HTML conversion included. email-reply-parser (2.0 KiB
 * gzip) fits the budget but got 12 of this folder's 16 plain-text fixtures right: it misses Outlook blocks
 * without an address in brackets ("Von: Ana García" then "Gesendet: …": the whole history stayed), Gmail's
 * German phone attribution and Outlook's "Obtenir Outlook pour iOS" line, drops the questions above inline
 * answers, keeps its patterns in a module-wide singleton, and wants the native re2 add-on for linear matching
 * on untrusted mail. planer (4.2 KiB) got 5 of 16 and needs a DOM for HTML. For HTML, html-to-text is 73.1 KiB
 * gzip and node-html-parser 47.1 KiB, each past the inbound function's whole budget (about 25 KiB).
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
