import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { formatMailbox, toMime, type OutgoingMail } from './mime.ts';
import type { MailTransport } from './transport.ts';

/**
 * SES v2 with raw content: the very bytes the local outbox writes, so the `.ics` attachment and both
 * alternatives reach SES as built and tested here.
 */
export function sesTransport(client: SESv2Client, options: { configurationSetName?: string } = {}): MailTransport {
  return {
    async send(mail: OutgoingMail) {
      const result = await client.send(new SendEmailCommand({
        FromEmailAddress: formatMailbox(mail.from),
        Destination: { ToAddresses: [formatMailbox(mail.to)] },
        Content: { Raw: { Data: Buffer.from(toMime(mail), 'utf8') } },
        ...(options.configurationSetName ? { ConfigurationSetName: options.configurationSetName } : {}),
      }));
      if (!result.MessageId) throw new Error('SES accepted the message without a message id');
      return { providerMessageId: result.MessageId };
    },
  };
}

export { SESv2Client };
