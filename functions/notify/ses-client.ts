import { createHash, createHmac } from 'node:crypto';
import { ALGORITHM, amzDate, scopeOf, signingKey, type AwsCredentials } from '../attachments/sigv4.ts';

/**
 * SES v2 `SendEmail` over HTTPS, signed with Signature Version 4 on node:crypto, instead of @aws-sdk/client-sesv2.
 *
 * Why: that client (about 60 KiB minified with its protocol and schema code) put the notifier's bundle over its
 * 1.3× budget once mails carried replies, quoted history and a fifth language (`npm run bench:lambda`); the
 * notifier calls one operation, with a body it builds itself. The signature is checked against the SDK's own
 * signer (@smithy/signature-v4) in test/notify/ses-transport.test.ts, byte for byte. Retries follow the SDK's
 * standard mode, which the delivery policy (README, "Once only") counts on: up to 3 attempts on throttling,
 * 5xx answers and transport failures, with jittered exponential backoff.
 */
export interface SesClientOptions {
  region: string;
  /** Another endpoint (a test double, a VPC endpoint); by default the region's. */
  endpoint?: string;
  /** Read on every request: Lambda's role credentials rotate. */
  credentials: () => AwsCredentials;
  maxAttempts?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface SendEmailInput {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: { Raw: { Data: string } };
  ConfigurationSetName?: string;
}

/** An error SES answered (`name` is its error type, as the SDK names it) or a transport failure. */
export class SesError extends Error {
  constructor(override readonly name: string, message: string, readonly status: number | undefined, readonly attempts: number) {
    super(message);
  }
}

const SERVICE = 'ses';
const PATH = '/v2/email/outbound-emails';
const THROTTLING = /Throttl|TooManyRequests|LimitExceeded|SlowDown/;
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** The signed headers of one JSON POST (Signature Version 4, header form), as the SDK's signer writes them. */
export function signedHeaders(url: URL, body: string, credentials: AwsCredentials, region: string, at: Date): Record<string, string> {
  const date = amzDate(at);
  const scope = scopeOf(date.slice(0, 8), region, SERVICE);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: url.host,
    'x-amz-content-sha256': sha256Hex(body),
    'x-amz-date': date,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(headers).sort();
  const canonicalRequest = ['POST', url.pathname, '', ...names.map((name) => `${name}:${headers[name]}`), '', names.join(';'), headers['x-amz-content-sha256']].join('\n');
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, date.slice(0, 8), region, SERVICE)).update(stringToSign, 'utf8').digest('hex');
  return { ...headers, authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

export function sesClient(options: SesClientOptions) {
  const url = new URL(PATH, options.endpoint ?? `https://email.${options.region}.amazonaws.com`);
  const maxAttempts = options.maxAttempts ?? 3;
  const send = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());

  async function attempt(body: string, attempts: number): Promise<{ MessageId?: string }> {
    let response: Response;
    try {
      response = await send(url, { method: 'POST', headers: signedHeaders(url, body, options.credentials(), options.region, now()), body });
    } catch (error) {
      throw new SesError('TransportError', error instanceof Error ? error.message : String(error), undefined, attempts);
    }
    const text = await response.text();
    if (response.ok) return JSON.parse(text || '{}') as { MessageId?: string };
    const type = (response.headers.get('x-amzn-errortype') ?? '').split(':')[0] || `Http${response.status}`;
    let message = text;
    try {
      const parsed = JSON.parse(text) as { message?: string; Message?: string };
      message = parsed.message ?? parsed.Message ?? text;
    } catch { /* not JSON: the text as it came */ }
    throw new SesError(type, message || `SES answered ${response.status}`, response.status, attempts);
  }

  const retryable = (error: SesError) => error.status === undefined || error.status >= 500 || error.status === 429 || THROTTLING.test(error.name);

  return {
    async sendEmail(input: SendEmailInput): Promise<{ MessageId?: string }> {
      const body = JSON.stringify(input);
      for (let attempts = 1; ; attempts++) {
        try {
          return await attempt(body, attempts);
        } catch (error) {
          if (!(error instanceof SesError) || attempts >= maxAttempts || !retryable(error)) throw error;
          // The SDK's standard backoff: full jitter on 100 ms × 2^attempt, at most 20 s.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20_000, 100 * 2 ** attempts)));
        }
      }
    },
  };
}

export type SesClient = ReturnType<typeof sesClient>;
