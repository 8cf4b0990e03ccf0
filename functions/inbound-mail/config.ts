import { integer, mailChannelConfig, optionalUrl, required, tableConfig, type Environment, type MailChannelConfig, type TableConfig } from '../core/config.ts';
import { ConfigError } from '../core/config.ts';
import { SENDER_NAME } from '../notify/config.ts';
import type { Mailbox } from '../notify/mime.ts';
import { DEFAULT_MAX_MAIL_BYTES } from './domain/limits.ts';

/** The parsing function's settings: it reads and writes the received-mail bucket only. */
export interface MailParserConfig {
  region: string;
  rawMailBucket: string;
  maxMailBytes: number;
  /**
   * `S3_ENDPOINT`: another S3-compatible endpoint, addressed path-style (core/s3-bucket.ts). Unset in AWS (each
   * bucket's own host); the entries' end-to-end test points both functions at a loopback stand-in with it.
   */
  s3Endpoint?: string;
}

export function mailParserConfig(env: Environment = process.env): MailParserConfig {
  return { region: tableConfig(env).region, rawMailBucket: required(env, 'RAW_MAIL_BUCKET'), maxMailBytes: maxMailBytes(env), s3Endpoint: optionalUrl(env, 'S3_ENDPOINT') };
}

const maxMailBytes = (env: Environment) => integer(env, 'MAX_MAIL_BYTES', DEFAULT_MAX_MAIL_BYTES, 1024, 40 * 1024 * 1024);

/** The processing function's settings (validated at start; a bad value names its variable). */
export interface InboundMailConfig extends TableConfig {
  channel: MailChannelConfig;
  /** Who our answers come from: the notifier's SENDER_ADDRESS. */
  sender: Mailbox;
  maxMailBytes: number;
  /** Where SES puts each received mail (the receipt rule's S3 action), and the parsing function its parsed form. */
  rawMailBucket: string;
  /** Where attachments go (the attachments function's bucket). */
  attachmentsBucket: string;
  sesEndpoint?: string;
  /** As the parser's (`MailParserConfig.s3Endpoint`), for both buckets. */
  s3Endpoint?: string;
}

export function inboundMailConfig(env: Environment = process.env): InboundMailConfig {
  const channel = mailChannelConfig(env);
  if (!channel) throw new ConfigError('SUPPORT_ADDRESS', 'Environment variable SUPPORT_ADDRESS: required.');
  return {
    ...tableConfig(env),
    channel,
    sender: { address: required(env, 'SENDER_ADDRESS'), name: SENDER_NAME },
    maxMailBytes: maxMailBytes(env),
    rawMailBucket: required(env, 'RAW_MAIL_BUCKET'),
    attachmentsBucket: required(env, 'ATTACHMENTS_BUCKET'),
    sesEndpoint: optionalUrl(env, 'SES_ENDPOINT'),
    s3Endpoint: optionalUrl(env, 'S3_ENDPOINT'),
  };
}
