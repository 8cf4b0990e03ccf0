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

/** Typed, validated reads of environment variables; empty values count as unset. */
export interface EnvReader {
  optional(name: string): string | undefined;
  required(name: string): string;
  /** A whole number within the bounds; `fallback` when unset. */
  integer(name: string, fallback: number, bounds?: { min?: number; max?: number }): number;
  /** An absolute http(s) URL; `fallback` when unset (none: required). */
  url(name: string, fallback?: string): string;
}

export function envReader(env: Environment = process.env): EnvReader {
  const fail = (name: string, value: string, advice: string): never => {
    throw new ConfigError(name, `Environment variable ${name}${value ? ` = "${value}"` : ''}: ${advice}.`);
  };
  const optional = (name: string) => env[name]?.trim() || undefined;
  const required = (name: string) => optional(name) ?? fail(name, '', 'required, but not set');
  return {
    optional,
    required,
    integer(name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
      const value = optional(name);
      if (value === undefined) return fallback;
      const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      return Number.isSafeInteger(number) && number >= min && number <= max ? number : fail(name, value, `use a whole number from ${min} to ${max}`);
    },
    url(name, fallback) {
      const value = optional(name) ?? fallback ?? required(name);
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        // reported below
      }
      return url && /^https?:$/.test(url.protocol) ? value : fail(name, value, 'use an absolute http(s) URL');
    },
  };
}

/** Where the one DynamoDB table is. */
export interface TableConfig {
  tableName: string;
  region: string;
  /** Set for local runs (dynalite); unset in AWS. */
  dynamoEndpoint?: string;
}

export function tableConfig(read: EnvReader): TableConfig {
  return {
    tableName: read.optional('TABLE_NAME') ?? 'support-centre',
    region: read.optional('AWS_REGION') ?? 'eu-north-1',
    dynamoEndpoint: read.optional('DYNAMODB_ENDPOINT') && read.url('DYNAMODB_ENDPOINT'),
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

export function apiConfig(read: EnvReader): ApiConfig {
  const issuer = read.url('AUTH_ISSUER');
  return {
    ...tableConfig(read),
    issuer,
    audience: read.required('AUTH_AUDIENCE'),
    jwksUrl: read.url('AUTH_JWKS_URL', `${issuer}/.well-known/jwks.json`),
    maxBodyBytes: read.integer('MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, { min: 1 }),
    publicUrl: read.url('PUBLIC_URL', 'http://localhost:3000'),
  };
}
