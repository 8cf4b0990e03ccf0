import { integer, mailChannelConfig, optionalUrl, required, tableConfig, type Environment, type MailChannelConfig, type TableConfig } from '../core/config.ts';
import { ConfigError } from '../core/config.ts';
import { SENDER_NAME } from '../notify/config.ts';
import type { Mailbox } from '../notify/mime.ts';
import { DEFAULT_MAX_MAIL_BYTES } from './domain/limits.ts';

/** The inbound mail function's settings (validated at start; a bad value names its variable). */
export interface InboundMailConfig extends TableConfig {
  channel: MailChannelConfig;
  /** Who our answers come from: the notifier's SENDER_ADDRESS. */
  sender: Mailbox;
  maxMailBytes: number;
  /** Where SES puts each received mail (the receipt rule's S3 action). */
  rawMailBucket: string;
  /** Where attachments go (the attachments function's bucket). */
  attachmentsBucket: string;
  sesEndpoint?: string;
}

export function inboundMailConfig(env: Environment = process.env): InboundMailConfig {
  const channel = mailChannelConfig(env);
  if (!channel) throw new ConfigError('SUPPORT_ADDRESS', 'Environment variable SUPPORT_ADDRESS: required.');
  return {
    ...tableConfig(env),
    channel,
    sender: { address: required(env, 'SENDER_ADDRESS'), name: SENDER_NAME },
    maxMailBytes: integer(env, 'MAX_MAIL_BYTES', DEFAULT_MAX_MAIL_BYTES, 1024, 40 * 1024 * 1024),
    rawMailBucket: required(env, 'RAW_MAIL_BUCKET'),
    attachmentsBucket: required(env, 'ATTACHMENTS_BUCKET'),
    sesEndpoint: optionalUrl(env, 'SES_ENDPOINT'),
  };
}
