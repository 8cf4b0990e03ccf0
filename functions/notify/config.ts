import { apiConfig, mailChannelConfig, optionalSecret, optionalUrl, required, tableConfig, url, type ApiConfig, type Environment, type MailChannelConfig, type TableConfig } from '../core/config.ts';
import type { Mailbox } from './mime.ts';

/**
 * The key of the one-click unsubscribe links (notify/unsubscribe.ts), shared by the notifier (signs) and the
 * notifications API (verifies): at least 32 characters. Unset: mails carry no List-Unsubscribe and the links
 * answer 404.
 */
export const unsubscribeSecret = (env: Environment): string | undefined => optionalSecret(env, 'UNSUBSCRIBE_SECRET');

/** The notifications API (preferences, parked e-mails, unsubscribe links): the settings every API function shares. */
export interface NotificationsApiConfig extends ApiConfig {
  unsubscribeSecret?: string;
}

export function notificationsApiConfig(env: Environment = process.env): NotificationsApiConfig {
  const secret = unsubscribeSecret(env);
  return { ...apiConfig(env), ...(secret ? { unsubscribeSecret: secret } : {}) };
}

/** The notifier (stream consumer and sweep): it verifies no tokens, so it has no identity settings. */
export interface NotifyConfig extends TableConfig {
  publicUrl: string;
  sender: Mailbox;
  /** Another SES v2 endpoint (a test double, or a regional/VPC endpoint); the default is the region's. */
  sesEndpoint?: string;
  unsubscribeSecret?: string;
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
    ...(unsubscribeSecret(env) ? { unsubscribeSecret: unsubscribeSecret(env) } : {}),
    channel: mailChannelConfig(env),
  };
}
