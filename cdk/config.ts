/**
 * Deployment settings, read from CDK context (`cdk deploy -c stage=prod`) or the environment
 * (`SUPPORT_CENTRE_STAGE=prod`); context wins. Everything has an offline-safe default so `npm run synth`
 * needs no configuration, and every value is validated here so a typo fails at synth, not mid-deploy.
 */
import { ConfigError } from '../functions/core/config.ts';

export interface DeploymentConfig {
  /** Short name that keeps several deployments apart in one account (`dev`, `prod`). */
  stage: string;
  /** Custom domain for the site (and `/api`), e.g. `support.example.eu`; the CloudFront domain when absent. */
  domainName?: string;
  /** ACM certificate for `domainName`; CloudFront only accepts certificates from us-east-1. */
  certificateArn?: string;
  /** The address notification e-mails come from; it becomes an SES identity that must be verified. */
  senderAddress: string;
  /** Whether `senderAddress` was configured (the default is a placeholder that cannot be verified). */
  senderConfigured: boolean;
  /**
   * The address people write to (new tickets) whose `+<token>` forms are the reply addresses of notifications;
   * SES receives mail for its domain (MX record, cdk/README.md). A placeholder when not configured.
   */
  supportAddress: string;
  /** Extra origins allowed to call the API from a browser (e.g. `http://localhost:3000` for local site work). */
  allowedOrigins: string[];
  /** Hosted sign-in domain prefix (`<prefix>.auth.<region>.amazoncognito.com`); must be unique in the region. */
  cognitoDomainPrefix?: string;
  /** Where alarm notifications go; no subscription when absent (the SNS topic still exists). */
  alarmEmail?: string;
  /** Built site folder; `dist/site` by default (relative paths are resolved against the repository root). */
  siteDir: string;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** API Gateway stage throttling: steady requests per second and burst. */
  throttle: { rateLimit: number; burstLimit: number };
}

/** The setting names, as CDK context keys and as environment variables. */
export const SETTINGS = {
  stage: 'SUPPORT_CENTRE_STAGE',
  domainName: 'SUPPORT_CENTRE_DOMAIN',
  certificateArn: 'SUPPORT_CENTRE_CERTIFICATE_ARN',
  senderAddress: 'SUPPORT_CENTRE_SENDER',
  supportAddress: 'SUPPORT_CENTRE_SUPPORT_ADDRESS',
  allowedOrigins: 'SUPPORT_CENTRE_ALLOWED_ORIGINS',
  cognitoDomainPrefix: 'SUPPORT_CENTRE_COGNITO_DOMAIN_PREFIX',
  alarmEmail: 'SUPPORT_CENTRE_ALARM_EMAIL',
  siteDir: 'SUPPORT_CENTRE_SITE_DIR',
  logLevel: 'SUPPORT_CENTRE_LOG_LEVEL',
  throttleRate: 'SUPPORT_CENTRE_THROTTLE_RATE',
  throttleBurst: 'SUPPORT_CENTRE_THROTTLE_BURST',
} as const;

export type SettingName = keyof typeof SETTINGS;

/** Looks a setting up by context key; returns undefined when unset or empty. */
export type SettingReader = (name: SettingName) => string | undefined;

export const PLACEHOLDER_SENDER = 'notifications@example.org';
export const PLACEHOLDER_SUPPORT_ADDRESS = 'support@example.org';
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// Cognito refuses prefixes containing these words.
const COGNITO_RESERVED = /aws|amazon|cognito/;

// One error for every setting at fault, deployment or runtime: it names the variable.
export { ConfigError };

/** Reads context first, then the environment. */
export function settingReader(context: (key: string) => unknown, env: NodeJS.ProcessEnv): SettingReader {
  return (name) => {
    const fromContext = context(name);
    const value = fromContext === undefined || fromContext === null ? env[SETTINGS[name]] : String(fromContext);
    return value?.trim() ? value.trim() : undefined;
  };
}

export function deploymentConfig(read: SettingReader): DeploymentConfig {
  const stage = read('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) fail('stage', stage, 'use 1 to 16 lower-case letters, digits or hyphens, starting with a letter');

  const domainName = read('domainName')?.toLowerCase();
  if (domainName !== undefined && !DOMAIN.test(domainName)) fail('domainName', domainName, 'use a host name such as support.example.eu');
  const certificateArn = read('certificateArn');
  if (domainName && !certificateArn) fail('certificateArn', '', 'a custom domain needs an ACM certificate ARN');
  if (certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    fail('certificateArn', certificateArn, 'CloudFront needs an ACM certificate in us-east-1');
  }
  if (certificateArn && !domainName) fail('domainName', '', 'a certificate is only used with a custom domain');

  const configuredSender = read('senderAddress');
  if (configuredSender !== undefined && !EMAIL.test(configuredSender)) fail('senderAddress', configuredSender, 'use an e-mail address');

  const supportAddress = read('supportAddress')?.toLowerCase() ?? PLACEHOLDER_SUPPORT_ADDRESS;
  if (!/^[a-z0-9._-]+@([a-z0-9-]+\.)+[a-z]{2,63}$/.test(supportAddress)) fail('supportAddress', supportAddress, 'use a plain address such as support@support.example.eu (no +)');

  const allowedOrigins = (read('allowedOrigins') ?? '').split(',').map((origin) => origin.trim()).filter(Boolean).map(parseOrigin);

  const cognitoDomainPrefix = read('cognitoDomainPrefix');
  if (cognitoDomainPrefix !== undefined && (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(cognitoDomainPrefix) || COGNITO_RESERVED.test(cognitoDomainPrefix))) {
    fail('cognitoDomainPrefix', cognitoDomainPrefix, 'use lower-case letters, digits and hyphens, without "aws", "amazon" or "cognito"');
  }

  const alarmEmail = read('alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) fail('alarmEmail', alarmEmail, 'use an e-mail address');

  const logLevel = (read('logLevel') ?? 'INFO').toUpperCase();
  if (!isLogLevel(logLevel)) fail('logLevel', logLevel, `use one of ${LOG_LEVELS.join(', ')}`);

  const throttle = { rateLimit: positiveInteger('throttleRate', read('throttleRate') ?? '50'), burstLimit: positiveInteger('throttleBurst', read('throttleBurst') ?? '100') };

  return {
    stage,
    domainName,
    certificateArn,
    senderAddress: configuredSender ?? PLACEHOLDER_SENDER,
    senderConfigured: configuredSender !== undefined,
    supportAddress,
    allowedOrigins,
    cognitoDomainPrefix,
    alarmEmail,
    siteDir: read('siteDir') ?? 'dist/site',
    logLevel,
    throttle,
  };
}

/** The origin the site is served from when it has a custom domain (otherwise only known at deploy time). */
export function customSiteOrigin(config: Pick<DeploymentConfig, 'domainName'>): string | undefined {
  return config.domainName ? `https://${config.domainName}` : undefined;
}

function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('allowedOrigins', value, 'use origins such as https://support.example.eu');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) fail('allowedOrigins', value, 'only https origins (or http on localhost)');
  if (url.origin !== value.replace(/\/$/, '')) fail('allowedOrigins', value, 'an origin has no path, query or wildcard');
  return url.origin;
}

function positiveInteger(name: SettingName, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) fail(name, value, 'use a positive whole number');
  return number;
}

function isLogLevel(value: string): value is DeploymentConfig['logLevel'] {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function fail(name: SettingName, value: string, advice: string): never {
  throw new ConfigError(SETTINGS[name], `Setting ${name} (context "${name}" or env ${SETTINGS[name]})${value ? ` = "${value}"` : ''}: ${advice}.`);
}
