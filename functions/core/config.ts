/**
 * Runtime configuration: every setting a function reads from its environment, validated once at start, so a
 * typo fails the cold start with the variable's name instead of misbehaving later. The shared sections live
 * here; each function composes its own in its `config.ts` (tickets/config.ts, notify/config.ts, ...), and the
 * local server builds the same objects from the values it knows (functions/local/config.ts).
 */

/** A setting that is missing or malformed; `variable` names the environment variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly variable: string, message: string) {
    super(message);
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

// Plain functions over the environment (not methods): the minifier can shorten them, and every bundle reads config.

function fail(name: string, value: string | undefined, advice: string): never {
  throw new ConfigError(name, `Environment variable ${name}${value ? ` = "${value}"` : ''}: ${advice}.`);
}

/** The variable's value, trimmed; empty counts as unset. */
export const optional = (env: Environment, name: string): string | undefined => env[name]?.trim() || undefined;

export const required = (env: Environment, name: string): string => optional(env, name) ?? fail(name, '', 'required');

/** A whole number from `min` to `max`; `fallback` when unset. */
export function integer(env: Environment, name: string, fallback: number, min = 0, max = 2 ** 53): number {
  const value = optional(env, name);
  const number = value === undefined ? fallback : /^\d+$/.test(value) ? +value : -1;
  return number >= min && number <= max ? number : fail(name, value, `use a whole number from ${min} to ${max}`);
}

/** An absolute http(s) URL; `fallback` when unset (no fallback: required). */
export function url(env: Environment, name: string, fallback?: string): string {
  const value = optional(env, name) ?? fallback ?? required(env, name);
  return /^https?:\/\/[^\s/]+\S*$/.test(value) ? value : fail(name, value, 'use an absolute http(s) URL');
}

/** A key shared with another part of the deployment: unset, or at least 32 characters (e.g. generated in Secrets Manager). */
export function optionalSecret(env: Environment, name: string): string | undefined {
  const value = optional(env, name);
  return value === undefined || value.length >= 32 ? value : fail(name, '', 'use at least 32 random characters');
}

/** An optional URL: unset, or an absolute http(s) one. */
export const optionalUrl = (env: Environment, name: string): string | undefined => optional(env, name) && url(env, name);

/** Where the one DynamoDB table is. */
export interface TableConfig {
  tableName: string;
  region: string;
  /** Set for local runs (dynalite); unset in AWS. */
  dynamoEndpoint?: string;
}

export function tableConfig(env: Environment = process.env): TableConfig {
  return {
    tableName: optional(env, 'TABLE_NAME') ?? 'support-centre',
    region: optional(env, 'AWS_REGION') ?? 'eu-north-1',
    dynamoEndpoint: optionalUrl(env, 'DYNAMODB_ENDPOINT'),
  };
}

/** What every API function reads: the table, the token issuer, the body limit and the public origin. */
export interface ApiConfig extends TableConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  maxBodyBytes: number;
  /** Public origin of the site, used in links (e-mails, calendar invitations). */
  publicUrl: string;
}

export const DEFAULT_MAX_BODY_BYTES = 128 * 1024;

export function apiConfig(env: Environment = process.env): ApiConfig {
  const issuer = url(env, 'AUTH_ISSUER');
  return {
    ...tableConfig(env),
    issuer,
    audience: required(env, 'AUTH_AUDIENCE'),
    jwksUrl: url(env, 'AUTH_JWKS_URL', `${issuer}/.well-known/jwks.json`),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1),
    publicUrl: url(env, 'PUBLIC_URL', 'http://localhost:3000'),
  };
}

/**
 * The e-mail channel (issue 17): the support address people write to, whose `+<token>` variants are the reply
 * addresses of notifications, and the secret that signs those tokens (core/reply-token.ts). Read by the notifier
 * (to sign Reply-To) and by functions/inbound-mail (to verify); without SUPPORT_ADDRESS the channel is off.
 */
export interface MailChannelConfig {
  localPart: string;
  domain: string;
  /** HMAC key of the reply tokens: at least 32 characters (e.g. `openssl rand -base64 48`). */
  tokenSecret: string;
  /** Days a reply address keeps working after its mail was sent. */
  tokenDays: number;
}

export function mailChannelConfig(env: Environment = process.env): MailChannelConfig | undefined {
  const address = optional(env, 'SUPPORT_ADDRESS');
  if (address === undefined) return undefined;
  const match = /^([a-z0-9._-]+)@([a-z0-9.-]+\.[a-z0-9-]+)$/i.exec(address);
  if (!match) fail('SUPPORT_ADDRESS', address, 'use a plain address such as support@support.example.eu (letters, digits, dot, dash and underscore before the @, no +)');
  const tokenSecret = required(env, 'MAIL_TOKEN_SECRET');
  if (tokenSecret.length < 32) fail('MAIL_TOKEN_SECRET', '', 'use at least 32 characters');
  return { localPart: match[1]!.toLowerCase(), domain: match[2]!.toLowerCase(), tokenSecret, tokenDays: integer(env, 'MAIL_TOKEN_DAYS', 180, 1, 3650) };
}
