import { createTransport, type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { replyAddress, signReplyToken, type ReplyKind } from '../../functions/core/reply-token.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { AS } from '../support/stack.ts';
import { scanTable, type Item } from '../support/invariants.ts';
import { startNotifyStack, type NotifyStack } from '../notify/support.ts';

export const SUPPORT = 'support@hpc-ai-support-centre.local';

export interface MailStack extends NotifyStack {
  smtpPort: number;
  /** Sends a raw message over a real SMTP connection to the local server. */
  sendRaw(raw: string, envelope: { from: string; to: string[] }): Promise<void>;
  /** Sends with nodemailer (it builds the MIME) over a real SMTP connection. */
  send(mail: SendMailOptions): Promise<void>;
  /** A reply address signed as the notifier signs one (at the stack's clock unless told). */
  address(ticketReference: string, email: string, kind?: ReplyKind, issuedAt?: Date): string;
  items(): Promise<Item[]>;
}

/** The notify test stack with the e-mail channel's SMTP server on a free loopback port. */
export async function startMailStack(options: { maxMailBytes?: number } = {}): Promise<MailStack> {
  const stack = await startNotifyStack(undefined, { smtp: { port: 0, maxMailBytes: options.maxMailBytes } });
  const smtpPort = stack.server.smtp!.port;
  const transporter = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
  return {
    ...stack,
    smtpPort,
    async sendRaw(raw, envelope) {
      await transporter.sendMail({ envelope, raw });
    },
    async send(mail) {
      await transporter.sendMail(mail);
    },
    address(reference, email, kind = 'reply', issuedAt = stack.clock.now()) {
      const { channel: config } = stack.server.inboundMail;
      const ticketNumber = Number(reference.replace(/^HD-/, ''));
      return replyAddress(signReplyToken({ ticketNumber, userId: seedUser(email).id, kind, issuedAt, validDays: config.tokenDays }, config.tokenSecret), config);
    },
    items: () => scanTable(stack.server.db, stack.server.tableName),
    async close() {
      transporter.close();
      await stack.close();
    },
  };
}

/** The items of the table that are not the channel's own bookkeeping (answer markers, counters, Message-IDs). */
export const business = (items: Item[]) => items.filter((item) => !String(item.pk).startsWith('INBOUND#'));

/** Nothing of tickets, messages, attachments or users changed; the channel's own bookkeeping may have. */
export function expectNothingWritten(before: Item[], after: Item[]) {
  expect(business(after)).toEqual(business(before));
}

/** "Not delivered: …" in each language the channel answers in (the sender's). */
const NOT_DELIVERED = /^(Not delivered|Non remis|Nicht zugestellt|No entregado|Non recapitato)\s?:/;
export const answersIn = (mails: OutgoingMail[]) => mails.filter((m) => NOT_DELIVERED.test(m.subject));

/**
 * A stack for a file of refusal cases, with María's ticket: each case starts a new day on the clock, so the day's one
 * answer per sender is not used up by the case before, and with the mail sent so far taken out.
 */
export function refusalStack(options: { maxMailBytes: number }) {
  const held: { stack?: MailStack; ticket?: { id: string; reference: string } } = {};
  beforeAll(async () => {
    held.stack = await startMailStack(options);
    held.ticket = await held.stack.newTicket(AS.maria);
  });
  beforeEach(async () => {
    await held.stack!.sent();
    held.stack!.clock.advance(86_400_000);
  });
  afterAll(() => held.stack?.close());
  return held as { stack: MailStack; ticket: { id: string; reference: string } };
}
