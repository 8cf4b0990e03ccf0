/**
 * Whether the From's domain vouched for the mail, as SES's receipt says (SPF, DKIM, DMARC verdicts: PASS,
 * FAIL, GRAY, PROCESSING_FAILED). Pure. DMARC passing means SPF or DKIM passed for the From's own domain.
 *
 * SES's SPF and DKIM verdicts alone are not about the From: SPF judges the envelope's MAIL FROM domain and DKIM
 * any valid signature, so anyone with a domain of their own passes both while writing `From: maria@aurora-ai…`.
 * Without DMARC, SPF and DKIM therefore count only when the MAIL FROM is on the From's domain (or a subdomain of
 * it: a bounce domain such as `bounce.aurora-ai.example`), which is DMARC's SPF alignment; the MAIL FROM's SPF
 * pass then says the From's domain sent it.
 *
 * Locally there is no receipt: the SMTP server listens on loopback only, so whoever writes to it is on this
 * machine already.
 */
export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | (string & {});

export interface Verdicts {
  spf: Verdict;
  dkim: Verdict;
  dmarc: Verdict;
}

/** Who the mail says it is from (header From) and who the envelope says (MAIL FROM, "" for the null sender). */
export interface Senders {
  from: string;
  mailFrom: string;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');

/** The envelope's domain is the From's, or one under it (relaxed alignment without a public-suffix list, one way only). */
export function aligned({ from, mailFrom }: Senders): boolean {
  if (!from.includes('@') || !mailFrom.includes('@')) return false;
  const header = domainOf(from);
  const envelope = domainOf(mailFrom);
  return header !== '' && (envelope === header || envelope.endsWith(`.${header}`));
}

/** `loopback`: the local SMTP server's mail (said explicitly, so a missing receipt in AWS is never a pass). */
export function authenticated(verdicts: Verdicts | 'loopback', senders: Senders): boolean {
  if (verdicts === 'loopback') return true;
  if (verdicts.dmarc === 'PASS') return true;
  return verdicts.spf === 'PASS' && verdicts.dkim === 'PASS' && aligned(senders);
}
