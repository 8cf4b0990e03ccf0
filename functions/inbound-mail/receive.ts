import { headerBlock, parseMail, type ParsedMail } from './parse.ts';
import type { Envelope, InboundMailService, InboundOutcome } from './service.ts';

/** A mail as it arrives: its envelope and bytes (of a mail past the limit, at least its header block). */
export interface ReceivedMail extends Envelope {
  raw: Uint8Array;
}

/** Parses a received mail; of one larger than the limit, only the header block (enough to answer its sender). */
export function parseReceived(mail: ReceivedMail, maxMailBytes: number): Promise<ParsedMail> {
  return parseMail(mail.size > maxMailBytes ? headerBlock(mail.raw) : mail.raw);
}

/**
 * The service with parsing in front: what the local SMTP server (and tests) hand raw mail to. In AWS the two
 * halves are two functions (README.md, "In AWS"), so the processing function's bundle carries no parser.
 */
export function receivingService(service: InboundMailService) {
  return {
    ...service,
    async receive(mail: ReceivedMail): Promise<InboundOutcome> {
      return service.process(mail, await parseReceived(mail, service.maxMailBytes));
    },
  };
}

export type ReceivingService = ReturnType<typeof receivingService>;
