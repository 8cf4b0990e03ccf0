import { formatMailbox, toMime, type OutgoingMail } from './mime.ts';
import type { SesClient } from './ses-client.ts';
import type { MailTransport } from './transport.ts';

/**
 * SES v2 with raw content: the very bytes the local outbox writes, so the `.ics` attachment, both alternatives
 * and every header (threading, List-Unsubscribe) reach SES as built and tested here.
 */
export function sesTransport(client: SesClient, options: { configurationSetName?: string } = {}): MailTransport {
  return {
    async send(mail: OutgoingMail) {
      const result = await client.sendEmail({
        FromEmailAddress: formatMailbox(mail.from),
        Destination: { ToAddresses: [formatMailbox(mail.to)] },
        Content: { Raw: { Data: Buffer.from(toMime(mail), 'utf8').toString('base64') } },
        ...(options.configurationSetName ? { ConfigurationSetName: options.configurationSetName } : {}),
      });
      if (!result.MessageId) throw new Error('SES accepted the message without a message id');
      return { providerMessageId: result.MessageId };
    },
  };
}
