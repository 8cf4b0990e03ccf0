import type { Verdicts } from './domain/authentication.ts';

/** The part of SES's receipt event (Lambda action) the channel reads. */
export interface SesReceiptRecord {
  ses: {
    mail: { messageId: string; source: string };
    receipt: {
      recipients: string[];
      spfVerdict?: { status: string };
      dkimVerdict?: { status: string };
      dmarcVerdict?: { status: string };
      virusVerdict?: { status: string };
    };
  };
}

export interface SesReceiptEvent {
  Records: SesReceiptRecord[];
}

/** SES's verdicts as the domain reads them; a verdict SES left out counts as not passed. */
export function verdictsOf({ receipt }: SesReceiptRecord['ses']): Verdicts {
  return { spf: receipt.spfVerdict?.status ?? 'MISSING', dkim: receipt.dkimVerdict?.status ?? 'MISSING', dmarc: receipt.dmarcVerdict?.status ?? 'MISSING' };
}

/** Where the receipt rule's S3 action put the mail: its prefix, then SES's message id. */
export const rawMailKey = (prefix: string, messageId: string) => `${prefix}${messageId}`;
export const RAW_MAIL_PREFIX = 'incoming/';
