// Loads a route's page module. Kept apart from routes.ts, which the site build reads: this pattern makes
// esbuild bundle every file of pages/ (one chunk each in the app; all of them in any bundle importing it).
import type { PageComponent, RouteDef } from './router.ts';

export function loadPage(route: RouteDef): Promise<{ default: PageComponent }> {
  return import(`./pages/${route.page}.ts`) as Promise<{ default: PageComponent }>;
}
