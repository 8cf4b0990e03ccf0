/**
 * The API functions and the part of /api each one owns: the one home of route ownership.
 *
 * Data only, with no imports, so a Lambda entry reads its own row without pulling another function's code
 * into its bundle. What each function registers and documents is wired to these names in
 * functions/api-wiring.ts (the local server, the OpenAPI document, the tests); the CDK stack makes one Lambda
 * per row and one API Gateway route per owned path (cdk/routes.ts), and fails to synthesize when an
 * operation a function serves is not routed to it. Nothing falls through: API Gateway answers a path no
 * function owns itself.
 */

/** A route API Gateway lets through without the JWT authorizer; the function still decides what anonymous callers get. */
export interface PublicRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Why it needs no token (shown as the cdk-nag acknowledgement of the open route). */
  reason: string;
  /** API Gateway throttling of this route (all callers together), below the stage's; each function may also limit per caller. */
  throttle?: { rateLimit: number; burstLimit: number };
}

export interface ApiFunction {
  /** The function's module with the Lambda `handler`, relative to the repository root. */
  entry: string;
  /** The Lambda function's description. */
  description: string;
  /** API Gateway paths routed to this function for any method, behind the JWT authorizer (`{proxy+}`: everything below). */
  paths: readonly string[];
  publicRoutes: readonly PublicRoute[];
}

export const API_FUNCTIONS = {
  tickets: {
    entry: 'functions/tickets/index.ts',
    description: 'Tickets API: tickets (routed on creation), deflections, service figures, /api/me',
    paths: ['/api/me', '/api/tickets', '/api/tickets/{proxy+}', '/api/deflections', '/api/stats'],
    publicRoutes: [
      { method: 'GET', path: '/api/health', reason: 'GET /api/health is the liveness probe for monitoring; it answers a fixed status and reads no data.' },
    ],
  },
  routing: {
    entry: 'functions/routing/index.ts',
    description: 'Routing API: settings (service hours, SLA, routing), support hours, absences, the roster, reassignment',
    paths: [
      // The two expert paths are more specific than bookings' '/api/experts/{proxy+}', so API Gateway matches them first.
      '/api/settings/{proxy+}', '/api/routing/{proxy+}', '/api/experts/me/support-hours', '/api/experts/me/absences',
    ],
    publicRoutes: [],
  },
  bookings: {
    entry: 'functions/bookings/index.ts',
    description: 'Mentoring API: experts, availability, bookings, allowances',
    paths: ['/api/experts', '/api/experts/{proxy+}', '/api/bookings', '/api/bookings/{proxy+}', '/api/orgs', '/api/orgs/{proxy+}'],
    publicRoutes: [],
  },
  attachments: {
    entry: 'functions/attachments/index.ts',
    description: 'Attachments API: signed upload and download links for ticket files (the bytes go to S3 directly)',
    // More specific than the tickets' /api/tickets/{proxy+}, so API Gateway sends these here (cdk/routes.ts).
    paths: ['/api/tickets/{id}/attachments', '/api/tickets/{id}/attachments/{proxy+}'],
    publicRoutes: [],
  },
  notifications: {
    entry: 'functions/notify/api-index.ts',
    description: 'Notifications API: e-mail preferences, language and time zone, parked e-mails',
    paths: ['/api/me/notifications', '/api/me/preferences', '/api/notifications/{proxy+}'],
    publicRoutes: [
      {
        method: 'GET', path: '/api/notifications/unsubscribe', throttle: { rateLimit: 5, burstLimit: 20 },
        reason: 'A one-click unsubscribe link (RFC 8058) opened from a mail asks before turning anything off; its HMAC signature, not a sign-in, names the user and the kind.',
      },
      {
        method: 'POST', path: '/api/notifications/unsubscribe', throttle: { rateLimit: 5, burstLimit: 20 },
        reason: 'Mail clients send RFC 8058 one-click unsubscribe POSTs without any sign-in; the link\'s HMAC signature names the user and the one optional kind it turns off.',
      },
    ],
  },
  analytics: {
    entry: 'functions/analytics/index.ts',
    description: 'Reading analytics: anonymous search and guide-feedback counters, and the coordinators\' report',
    paths: ['/api/analytics/{proxy+}'],
    publicRoutes: [
      {
        method: 'POST', path: '/api/analytics/search', throttle: { rateLimit: 20, burstLimit: 40 },
        reason: 'The static guides have no sign-in: readers\' searches are counted anonymously (normalised query, result count, position opened), throttled per route and per source.',
      },
      {
        method: 'POST', path: '/api/analytics/feedback', throttle: { rateLimit: 5, burstLimit: 20 },
        reason: 'The static guides have no sign-in: "was this helpful" is counted anonymously per guide and day, throttled per route and per source.',
      },
    ],
  },
} as const satisfies Record<string, ApiFunction>;

export type ApiFunctionName = keyof typeof API_FUNCTIONS;

export const API_FUNCTION_NAMES = Object.keys(API_FUNCTIONS) as ApiFunctionName[];
