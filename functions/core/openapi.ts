import { createApiApp, type ApiApp } from './http.ts';
import { createLogger } from './logger.ts';

export const API_DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'HPC AI Support Centre API',
    version: '1.0.0',
    description: 'Helpdesk tickets and mentoring bookings for SMEs using EuroHPC systems. Errors are application/problem+json (RFC 9457).',
  },
  servers: [{ url: '/' }],
};

/** Dependencies that fail loudly if touched: registering routes must only declare them. */
const inert: unknown = new Proxy({}, {
  get: (_target, property) => {
    if (property === 'then') return undefined;
    throw new Error(`a dependency (${String(property)}) was used while only registering routes`);
  },
});

export type RouteRegistrar = (app: ApiApp, deps: never) => ApiApp;

/**
 * The OpenAPI 3.1 document of every route the given registrars add, generated from the zod schemas that
 * validate the requests (no second copy to keep in step). Registration touches no dependency, so the
 * document is built on a throwaway app.
 */
export function openApiDocument(registrars: readonly RouteRegistrar[]): ReturnType<ApiApp['getOpenAPI31Document']> {
  const app = createApiApp({ logger: createLogger('openapi'), maxBodyBytes: 0 });
  const deps = new Proxy({}, { get: () => inert }) as never;
  for (const register of registrars) register(app, deps);
  return app.getOpenAPI31Document(API_DOCUMENT_INFO);
}

/** Serves the document of the routes registered on `app` itself (the local server, which has them all). */
export function serveOpenApiDocument(app: ApiApp): ApiApp {
  app.doc31('/api/openapi.json', API_DOCUMENT_INFO);
  return app;
}
