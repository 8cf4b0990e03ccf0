import { handle } from 'hono/aws-lambda';
import { systemClock } from '../core/clock.ts';
import { configFromEnv } from '../core/config.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createJwtVerifier } from '../core/identity.ts';
import { createLogger } from '../core/logger.ts';
import { serveOpenApiDocument } from '../core/openapi.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { createTicketsApp } from './app.ts';
import { dynamoTicketStore } from './dynamo-store.ts';

const config = configFromEnv();
const db = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });

const app = createTicketsApp({
  store: dynamoTicketStore(db, config.tableName),
  users: dynamoUserDirectory(db, config.tableName),
  clock: systemClock,
  verifier: createJwtVerifier(config),
  logger: createLogger('tickets'),
  maxBodyBytes: config.maxBodyBytes,
});
serveOpenApiDocument(app);

/** The Lambda entry (API Gateway HTTP API, payload v2). */
export const handler = handle(app);
export { createTicketsApp, registerTicketRoutes } from './app.ts';
