import type { OutgoingMail } from './mime.ts';

/** Where messages go: SES in AWS, the outbox folder locally. A thrown error means "not accepted, try again". */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ providerMessageId: string }>;
}
