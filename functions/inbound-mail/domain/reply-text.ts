/**
 * The new text of a reply by mail, without the quoted history and the signature.
 *
 * A MINIMAL stand-in so the incoming channel runs end to end: another change of issue 17 brings the real
 * extraction (quote headers in five languages, Outlook's header block, signatures) with its fixtures, under this
 * same name and signature. This one keeps the text up to the first quoted line ("> ...") or English quote header
 * ("On ... wrote:"), and drops a signature after "-- ".
 */
import { htmlToText } from './html-text.ts';

export function extractReply(mail: { text?: string; html?: string }): string {
  const text = mail.text ?? (mail.html ? htmlToText(mail.html) : '');
  const kept: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('>') || /^On .+ wrote:\s*$/.test(line) || line === '-- ') break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
