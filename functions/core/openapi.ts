import type { ApiApp } from './http.ts';

/** Serves the OpenAPI 3.1 document generated from the same zod schemas that validate requests. */
export function serveOpenApiDocument(app: ApiApp): ApiApp {
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'HPC AI Support Centre API',
      version: '1.0.0',
      description: 'Helpdesk tickets and mentoring bookings for SMEs using EuroHPC systems. Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/' }],
  });
  return app;
}
