import { handle } from 'hono/aws-lambda';
import { apiRuntime } from '../core/runtime.ts';
import { dynamoTicketOwnership } from '../tickets/ownership.ts';
import { createBookingsApp } from './app.ts';
import { dynamoBookingStore } from './dynamo-store.ts';
import { settlement } from './settlement.ts';

const runtime = apiRuntime('bookings');
const { db, config, clock } = runtime;
const store = dynamoBookingStore(db, config.tableName);

const app = createBookingsApp({
  ...runtime,
  store,
  tickets: dynamoTicketOwnership(db, config.tableName),
});

/** The Lambda entry (API Gateway HTTP API, payload v2). */
export const handler = handle(app);

/** A scheduled entry (e.g. EventBridge every 5 minutes): repairs bookings a crash left half-written. */
export const sweepHandler = async (): Promise<{ repaired: number }> => ({
  repaired: await settlement({ store, clock }).sweep(100),
});

export { createBookingsApp, registerBookingRoutes } from './app.ts';
