// The app's pages. Each page (site/src/app/pages/<page>.ts) is its own chunk, loaded when first opened
// (loadPage.ts). Data only: the site build reads it without bundling the app's pages into itself.
import type { RouteDef } from './router.ts';

export const ROUTES: readonly RouteDef[] = [
  { pattern: 'sign-in', title: 'Sign in', public: true, page: 'signIn' },
  { pattern: 'callback', title: 'Signing in', public: true, page: 'callback' },
  { pattern: 'tickets', title: 'Tickets', page: 'tickets' },
  { pattern: 'tickets/new', title: 'New ticket', roles: ['requester'], page: 'newTicket' },
  { pattern: 'tickets/:id', title: 'Ticket', page: 'ticket' },
  { pattern: 'tickets/:id/attachments/:attachmentId', title: 'File', page: 'logViewer' },
  { pattern: 'mentoring', title: 'Mentoring', roles: ['requester'], page: 'mentoring' },
  { pattern: 'sessions', title: 'Sessions', page: 'sessions' },
  { pattern: 'availability', title: 'Availability', roles: ['expert'], page: 'availability' },
  { pattern: 'support-hours', title: 'Support hours', roles: ['expert'], page: 'supportHours' },
  { pattern: 'service', title: 'Service', roles: ['coordinator'], page: 'service' },
  { pattern: 'service/hours', title: 'Service hours', roles: ['coordinator'], page: 'serviceHours' },
  { pattern: 'service/sla', title: 'SLA targets', roles: ['coordinator'], page: 'sla' },
  { pattern: 'service/routing', title: 'Routing', roles: ['coordinator'], page: 'routing' },
  { pattern: 'service/experts', title: 'Experts', roles: ['coordinator'], page: 'experts' },
  { pattern: 'readers', title: 'What readers could not find', roles: ['coordinator'], page: 'readers' },
  { pattern: 'profile', title: 'Expert profile', roles: ['expert'], page: 'profile' },
  { pattern: 'reviews', title: 'Guide reviews', roles: ['expert', 'coordinator'], page: 'reviews' },
  { pattern: 'notifications', title: 'E-mail notifications', page: 'notifications' },
  { pattern: 'outbox', title: 'Outbox', page: 'outbox' },
];

/** The folders the build also writes the shell into, so /app/<page>/ works on any static host. */
export const STATIC_ROUTE_PATHS = ROUTES.filter((route) => !route.pattern.includes(':')).map((route) => route.pattern);

