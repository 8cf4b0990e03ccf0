/**
 * The local stand-in for SES's receipt rule: an SMTP server (the `smtp-server` package, by Nodemailer's author)
 * on loopback only, handing each mail to the same service the Lambda uses. A developer replies to a mail of
 * `/dev/outbox` with any SMTP client (swaks, Thunderbird, a Node script) and sees the message on the ticket.
 * No AUTH and no TLS: only this machine can connect, the same trust the outbox and the dev login rely on.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../core/logger.ts';
import type { ReceivingService } from './receive.ts';

export interface LocalSmtp {
  port: number;
  close(): Promise<void>;
}

/** What is kept of a mail past the limit: its start, where the headers are (the service answers why it was refused). */
const KEPT_OF_OVERSIZED = 256 * 1024;

export async function startLocalSmtp({ port, service, domain, maxMailBytes, logger }: {
  /** 0 picks a free port (tests). */
  port: number;
  service: ReceivingService;
  /** Our mail domain: recipients elsewhere are refused at RCPT TO (this is no relay). */
  domain: string;
  maxMailBytes: number;
  logger: Logger;
}): Promise<LocalSmtp> {
  const server = new SMTPServer({
    name: 'localhost',
    banner: 'HPC AI Support Centre (local)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // Advertised, and tracked: a larger mail is still read to its end, kept only in part, and answered.
    size: maxMailBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${domain}`)) return callback();
      callback(Object.assign(new Error(`Only mail for @${domain} is taken here.`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        if (size < Math.max(maxMailBytes, KEPT_OF_OVERSIZED)) chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        service.receive({
          raw: Buffer.concat(chunks), size, mailFrom, authentication: 'loopback',
          recipients: session.envelope.rcptTo.map((r) => r.address),
        }).then((outcome) => {
          logger.info('local mail received', { status: outcome.status, ...('reason' in outcome ? { reason: outcome.reason } : {}) });
          callback();
        }, (error: unknown) => {
          // Our own failure (storage): 451, so the client tries again later, as SES's retry would.
          logger.error('local mail failed', { error: error as Error });
          callback(Object.assign(new Error('Temporary failure, try again later.'), { responseCode: 451 }));
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => logger.error('local SMTP server', { error }));
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
