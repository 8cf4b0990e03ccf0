/**
 * Where a signature starts: the "-- " separator (RFC 3676; many clients drop the space) and the lines phones
 * and Outlook apps add under a message, in the five languages. The whole line must be the phrase, so a
 * sentence that merely starts the same way is kept.
 */

/** What Outlook's apps append, possibly followed by its link as "<url>" or, from HTML, " (url)". */
const APP_LINK = String.raw`(\s*(<[^<>]{1,200}>|\([^()]{1,200}\)))?`;

const SENT_FROM: readonly RegExp[] = [
  /^Sent from my \S.{0,40}$/i,
  /^Sent from (Mail|Outlook|Yahoo Mail)( for \S.{0,30})?$/i,
  /^Envoyé (de mon|depuis mon|depuis) \S.{0,40}$/i,
  /^Von meinem \S.{0,40} gesendet$/i,
  /^Gesendet von meinem \S.{0,40}$/i,
  /^Enviado desde mi \S.{0,40}$/i,
  /^Inviato da (iPhone|iPad)$/i,
  /^Inviato dal mio \S.{0,40}$/i,
  new RegExp(`^(Get Outlook for|Obtenir Outlook pour|Obtener Outlook para|Scarica Outlook per) (iOS|Android)${APP_LINK}$`, 'i'),
  new RegExp(`^Outlook für (iOS|Android) beziehen${APP_LINK}$`, 'i'),
];

export function isSignatureStart(line: string): boolean {
  const text = line.trim();
  if (text === '--') return true;
  return text.length <= 120 && SENT_FROM.some((pattern) => pattern.test(text));
}
