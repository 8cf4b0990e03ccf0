/**
 * Whether the sending domain vouched for the mail, as SES's receipt says (SPF, DKIM, DMARC verdicts: PASS,
 * FAIL, GRAY, PROCESSING_FAILED). Pure. A From address is only worth believing when SPF and DKIM both pass, or
 * DMARC passes (which itself means SPF or DKIM passed for the From's own domain). Locally there is no receipt:
 * the SMTP server listens on loopback only, so whoever writes to it is on this machine already.
 */
export type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | (string & {});

export interface Verdicts {
  spf: Verdict;
  dkim: Verdict;
  dmarc: Verdict;
}

/** `loopback`: the local SMTP server's mail (said explicitly, so a missing receipt in AWS is never a pass). */
export function authenticated(verdicts: Verdicts | 'loopback'): boolean {
  if (verdicts === 'loopback') return true;
  return (verdicts.spf === 'PASS' && verdicts.dkim === 'PASS') || verdicts.dmarc === 'PASS';
}
