import { apiConfig, mailChannelConfig, optionalUrl, required, tableConfig, url, type ApiConfig, type Environment, type MailChannelConfig, type TableConfig } from '../core/config.ts';
import type { Mailbox } from './mime.ts';

/** The notifications API (preferences, parked e-mails): the settings every API function shares. */
export type NotificationsApiConfig = ApiConfig;

export function notificationsApiConfig(env: Environment = process.env): NotificationsApiConfig {
  return apiConfig(env);
}

/** The notifier (stream consumer and sweep): it verifies no tokens, so it has no identity settings. */
export interface NotifyConfig extends TableConfig {
  publicUrl: string;
  sender: Mailbox;
  /** Another SES v2 endpoint (a test double, or a regional/VPC endpoint); the default is the region's. */
  sesEndpoint?: string;
  /** SUPPORT_ADDRESS and MAIL_TOKEN_SECRET: ticket mails carry reply addresses (issue 17); unset, they do not. */
  channel?: MailChannelConfig;
}

export const SENDER_NAME = 'HPC AI Support Centre';

export function notifyConfig(env: Environment = process.env): NotifyConfig {
  return {
    ...tableConfig(env),
    publicUrl: url(env, 'PUBLIC_URL', 'http://localhost:3000'),
    sender: { address: required(env, 'SENDER_ADDRESS'), name: SENDER_NAME },
    sesEndpoint: optionalUrl(env, 'SES_ENDPOINT'),
    channel: mailChannelConfig(env),
  };
}
