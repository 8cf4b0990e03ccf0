import type { AwsCredentials } from '../attachments/sigv4.ts';
import { signRequest } from '../attachments/sigv4.ts';
import { formatMailbox, toMime, type OutgoingMail } from './mime.ts';
import type { MailTransport } from './transport.ts';

/**
 * SES v2 `SendEmail` with raw content, signed with our own SigV4 (attachments/sigv4.ts) instead of
 * @aws-sdk/client-sesv2: for a function that sends a few mails and must stay within the bundle budget (the SDK
 * client is 61 KiB minified; functions/inbound-mail answers refused mail with it). The same request the SDK
 * sends: POST /v2/email/outbound-emails, JSON, the MIME bytes in base64.
 */
export function sesApiTransport({ region, credentials, endpoint, fetch: send = fetch }: {
  region: string;
  credentials: () => AwsCredentials;
  /** Another SES v2 endpoint (a test double); the region's by default. */
  endpoint?: string;
  fetch?: typeof fetch;
}): MailTransport {
  const base = new URL(endpoint ?? `https://email.${region}.amazonaws.com`);
  return {
    async send(mail: OutgoingMail) {
      const body = JSON.stringify({
        FromEmailAddress: formatMailbox(mail.from),
        Destination: { ToAddresses: [formatMailbox(mail.to)] },
        Content: { Raw: { Data: Buffer.from(toMime(mail), 'utf8').toString('base64') } },
      });
      const path = '/v2/email/outbound-emails';
      const headers = signRequest({ method: 'POST', host: base.host, path, headers: { 'content-type': 'application/json' }, body, service: 'ses' }, credentials(), region, new Date());
      const { host: _host, ...sent } = headers;
      const response = await send(new URL(path, base), { method: 'POST', headers: sent, body });
      if (!response.ok) throw new Error(`SES SendEmail: ${response.status} ${(await response.text()).slice(0, 200)}`);
      const { MessageId } = (await response.json()) as { MessageId?: string };
      if (!MessageId) throw new Error('SES accepted the message without a message id');
      return { providerMessageId: MessageId };
    },
  };
}
