/**
 * The local server's settings. `npm start` reads its own (port, folders, the notifier's timers) from the
 * environment; the functions' settings are built with the functions' own readers from what the local server
 * knows (its address, its identity provider, its table), so local runs get the same validated objects and
 * defaults as Lambda.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiConfig, ConfigError, integer, optional, optionalUrl, tableConfig, type ApiConfig, type Environment, type TableConfig } from '../core/config.ts';
import { notifyConfig, type NotifyConfig } from '../notify/config.ts';

export interface LocalConfig {
  port: number;
  host: string;
  dataDir: string;
  siteDir: string;
  /** Use this DynamoDB-compatible endpoint instead of the embedded one. */
  dynamoEndpoint?: string;
  /**
   * The change feed's (functions/events) and the notifier's sweep intervals (0: none, e.g. to keep an API
   * benchmark free of e-mail work). NOTIFY_POLL_MS keeps its name from when the feed lived in notify.
   */
  notifyPollMs?: number;
  notifySweepMs?: number;
  /** The local SMTP server's port (loopback only): replies and new tickets by mail (functions/inbound-mail). */
  smtpPort: number;
  /** DEV_ROUTES=1 mounts the demo login and the outbox on any address, DEV_ROUTES=0 never; unset: on loopback only. */
  devRoutes?: boolean;
}

export function localConfig(env: Environment = process.env): LocalConfig {
  const interval = (name: string) => (optional(env, name) === undefined ? undefined : integer(env, name, 0));
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    dataDir: optional(env, 'DATA_DIR') ?? '.data',
    siteDir: optional(env, 'SITE_DIR') ?? 'dist/site',
    dynamoEndpoint: optionalUrl(env, 'DYNAMODB_ENDPOINT'),
    notifyPollMs: interval('NOTIFY_POLL_MS'),
    notifySweepMs: interval('NOTIFY_SWEEP_MS'),
    devRoutes: flag(env, 'DEV_ROUTES'),
    smtpPort: integer(env, 'SMTP_PORT', 2525, 0, 65_535),
  };
}

/** A yes/no setting: 1/true or 0/false; unset is undefined, anything else a ConfigError naming it. */
function flag(env: Environment, name: string): boolean | undefined {
  const value = optional(env, name);
  if (value === undefined) return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new ConfigError(name, `${name} must be 1 or 0 (got "${value}").`);
}

/** Where local e-mails say they come from (they land in the outbox, never leave the machine). */
export const LOCAL_SENDER = 'support@hpc-ai-support-centre.local';

export interface LocalSettings {
  tableName: string;
  dynamoEndpoint: string;
  /** The server's own address: the public URL in links. */
  publicUrl: string;
  /** Signs reply addresses; kept in the data dir so the outbox's mails stay answerable after a restart. */
  mailTokenSecret: string;
}

/** The signing secret of reply addresses: DATA_DIR/mail-token-secret (created on first start), or a fresh one in memory. */
export function localMailTokenSecret(dataDir: string | undefined): string {
  const fresh = randomBytes(48).toString('base64url');
  if (!dataDir) return fresh;
  const file = join(dataDir, 'mail-token-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, fresh, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function localTableConfig({ tableName, dynamoEndpoint }: Pick<LocalSettings, 'tableName' | 'dynamoEndpoint'>): TableConfig {
  return tableConfig({ TABLE_NAME: tableName, AWS_REGION: 'local', DYNAMODB_ENDPOINT: dynamoEndpoint });
}

/** The API functions' settings, with the local identity provider as token issuer. */
export function localApiConfig(settings: LocalSettings, identity: { issuer: string; audience: string; jwksUrl: string }): ApiConfig {
  return apiConfig({
    TABLE_NAME: settings.tableName, AWS_REGION: 'local', DYNAMODB_ENDPOINT: settings.dynamoEndpoint, PUBLIC_URL: settings.publicUrl,
    AUTH_ISSUER: identity.issuer, AUTH_AUDIENCE: identity.audience, AUTH_JWKS_URL: identity.jwksUrl,
  });
}

/**
 * The local server's key for unsubscribe links: fixed, so a link in an outbox mail keeps working across restarts.
 * It guards demo data on a loopback server only; in AWS the key is the deployment's own (UNSUBSCRIBE_SECRET).
 */
export const LOCAL_UNSUBSCRIBE_SECRET = 'local-only-unsubscribe-key-not-for-any-deployment';

export function localNotifyConfig(settings: LocalSettings): NotifyConfig {
  return notifyConfig({
    TABLE_NAME: settings.tableName, AWS_REGION: 'local', DYNAMODB_ENDPOINT: settings.dynamoEndpoint, PUBLIC_URL: settings.publicUrl,
    SENDER_ADDRESS: LOCAL_SENDER, UNSUBSCRIBE_SECRET: LOCAL_UNSUBSCRIBE_SECRET,
    SUPPORT_ADDRESS: LOCAL_SENDER,
    MAIL_TOKEN_SECRET: settings.mailTokenSecret,
  });
}
