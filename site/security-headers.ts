/**
 * The security headers of every response, site and API: one definition, read by the CDK stack (CloudFront's
 * response headers policy, cdk/constructs/site-hosting.ts) and by the local server, so the browser tests run
 * under the production policy. Plain data and string building: nothing here imports the CDK or the functions.
 */

export interface SecurityHeaderOptions {
  /** Cognito's hosted sign-in origin (AWS), which the browser is sent to and whose token endpoint the site calls. */
  signInOrigin?: string;
  /** Served over HTTPS (AWS): adds HSTS and upgrade-insecure-requests, which would break the local http:// server. */
  https: boolean;
  /** Where attachments are uploaded to and read from (the S3 bucket's origin in AWS; the site's own origin locally). */
  attachmentsOrigin?: string;
}

/**
 * The Content-Security-Policy. Everything is served from the site's own origin; the only other origin is Cognito's
 * hosted UI (form-action to go there, connect-src to exchange the authorization code).
 */
export function contentSecurityPolicy({ signInOrigin, https, attachmentsOrigin }: SecurityHeaderOptions): string {
  const signIn = signInOrigin ? [signInOrigin] : [];
  const attachments = attachmentsOrigin ? [attachmentsOrigin] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...attachments],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...signIn, ...attachments],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'form-action': ["'self'", ...signIn],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  return [...Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`), ...(https ? ['upgrade-insecure-requests'] : [])].join('; ');
}

/** Two years, the preload lists' minimum; the header is only ever sent over HTTPS. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;
export const FRAME_OPTIONS = 'DENY';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** The headers CloudFront sends as custom headers (its policy has no typed field for them). */
export const CUSTOM_HEADERS: Readonly<Record<string, string>> = {
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Every header as it goes on the wire (CloudFront's policy writes the same from the same constants). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...(options.https ? { 'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` } : {}),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': FRAME_OPTIONS,
    'Referrer-Policy': REFERRER_POLICY,
    ...CUSTOM_HEADERS,
  };
}
