// Client-side routing for the one-page app under /app/ (CloudFront and the local server hand every
// /app/... path the same shell): path patterns, link interception, history.
import type { VNode } from 'preact';
import type { Me, Role } from './api/types.ts';
import { mayLeave } from './drafts.ts';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
  user: Me;
}

export type PageComponent = (props: PageProps) => VNode | null;

export interface RouteDef {
  /** relative to /app/, e.g. "tickets/:id" */
  pattern: string;
  title: string;
  /** no sign-in needed */
  public?: boolean;
  /** who may open it (all signed-in users when absent) */
  roles?: readonly Role[];
  /** the module's name in pages/ */
  page: string;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export const APP_ROOT = '/app/';

/** The first route whose pattern matches the path; trailing slashes are ignored. */
export function matchRoute(routes: readonly RouteDef[], pathname: string): RouteMatch | undefined {
  if (!pathname.startsWith(APP_ROOT) && pathname !== '/app') return undefined;
  const parts = pathname.slice(APP_ROOT.length).split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, index) => {
      const part = parts[index]!;
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      }
      return segment === part;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

export function mayOpen(route: RouteDef, user: Me | undefined): 'ok' | 'sign-in' | 'forbidden' {
  if (route.public) return 'ok';
  if (!user) return 'sign-in';
  return !route.roles || route.roles.includes(user.role) ? 'ok' : 'forbidden';
}

const listeners = new Set<() => void>();

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

export function onLocationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Plain left clicks on links into the app stay in the page; everything else is the browser's. */
export function interceptLinks(root: Document): void {
  addEventListener('popstate', () => { for (const listener of listeners) listener(); });
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(APP_ROOT)) return;
    event.preventDefault();
    if (url.pathname !== location.pathname && !mayLeave()) return;
    navigate(url.pathname + url.search + url.hash);
  });
}
