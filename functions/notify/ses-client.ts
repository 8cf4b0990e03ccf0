import { signRequest, type AwsCredentials } from '../core/sigv4.ts';

/**
 * SES v2 `SendEmail` over HTTPS, signed with Signature Version 4 on node:crypto, instead of @aws-sdk/client-sesv2.
 *
 * Why: that client (about 60 KiB minified with its protocol and schema code) put the notifier's bundle over its
 * 1.3× budget once mails carried replies, quoted history and a fifth language (`npm run bench:lambda`); the
 * notifier calls one operation, with a body it builds itself. Signed by core/sigv4.ts (checked against the SDK's own
 * signer, @smithy/signature-v4, in test/core/sigv4.test.ts). Retries follow the SDK's
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

const PATH = '/v2/email/outbound-emails';
const THROTTLING = /Throttl|TooManyRequests|LimitExceeded|SlowDown/;

export function sesClient(options: SesClientOptions) {
  const url = new URL(PATH, options.endpoint ?? `https://email.${options.region}.amazonaws.com`);
  const maxAttempts = options.maxAttempts ?? 3;
  const send = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());

  async function attempt(body: string, attempts: number): Promise<{ MessageId?: string }> {
    let response: Response;
    try {
      const headers = signRequest({
        method: 'POST', host: url.host, path: url.pathname, headers: { 'content-type': 'application/json' }, body, service: 'ses',
      }, options.credentials(), options.region, now());
      response = await send(url, { method: 'POST', headers, body });
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
