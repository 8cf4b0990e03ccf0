/**
 * The Content-Security-Policy for site and API. Everything is served from the site's own origin; the only
 * other origin is Cognito's hosted UI, which the browser is sent to (form-action) and whose token endpoint
 * the site calls (connect-src) to exchange the authorization code.
 */
export function contentSecurityPolicy(signInOrigin: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", signInOrigin],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'form-action': ["'self'", signInOrigin],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
  };
  return [...Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`), 'upgrade-insecure-requests'].join('; ');
}

/** Two years, the preload lists' minimum; the header is only ever sent over HTTPS. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';
