import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { bookingsConfig } from './config.ts';
import { dynamoBookingStore } from './dynamo-store.ts';
import { settlement } from './settlement.ts';
import { wireBookings } from './wiring.ts';

const NAME: ApiFunctionName = 'bookings';
const runtime = apiRuntime(NAME, bookingsConfig());

/** The Lambda entry (API Gateway HTTP API, payload v2) for the paths functions/api-functions.ts gives it. */
export const handler = handle(wireBookings(createApiApp(runtime), runtime));

/** A scheduled entry (e.g. EventBridge every 5 minutes): repairs bookings a crash left half-written. */
export const sweepHandler = async (): Promise<{ repaired: number }> => ({
  repaired: await settlement({ store: dynamoBookingStore(runtime.db, runtime.tableName), clock: runtime.clock }).sweep(100),
});

export { createBookingsApp, registerBookingRoutes } from './app.ts';
