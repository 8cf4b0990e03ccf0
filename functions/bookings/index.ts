import { handle } from 'hono/aws-lambda';
import { systemClock } from '../core/clock.ts';
import { configFromEnv } from '../core/config.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createJwtVerifier } from '../core/identity.ts';
import { createLogger } from '../core/logger.ts';
import { serveOpenApiDocument } from '../core/openapi.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { createBookingsApp } from './app.ts';
import { dynamoBookingStore } from './dynamo-store.ts';
import { settlement } from './settlement.ts';

const config = configFromEnv();
const db = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });
const store = dynamoBookingStore(db, config.tableName);
const tickets = dynamoTicketStore(db, config.tableName);

const app = createBookingsApp({
  store,
  tickets: { orgOf: async (id) => (await tickets.get(id))?.orgId },
  clock: systemClock,
  verifier: createJwtVerifier(config),
  logger: createLogger('bookings'),
  maxBodyBytes: config.maxBodyBytes,
});
serveOpenApiDocument(app);

/** The Lambda entry (API Gateway HTTP API, payload v2). */
export const handler = handle(app);

/** A scheduled entry (e.g. EventBridge every 5 minutes): repairs bookings a crash left half-written. */
export const sweepHandler = async (): Promise<{ repaired: number }> => ({
  repaired: await settlement({ store, clock: systemClock }).sweep(100),
});

export { createBookingsApp, registerBookingRoutes } from './app.ts';
