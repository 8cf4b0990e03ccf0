import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { apiRuntime } from '../core/runtime.ts';
// Import order is kept as it is: it sets the modules' order in the bundle, which moves its gzip size by ~0.5 %.
import { wireBookings } from './wiring.ts';
import { createApiApp } from '../core/http.ts';
import { bookingsConfig } from './config.ts';
import { dynamoBookingStore } from './dynamo-store.ts';
import { settlement } from './settlement.ts';

const NAME: ApiFunctionName = 'bookings';
const runtime = apiRuntime(NAME, bookingsConfig());

/** The Lambda entry (API Gateway HTTP API, payload v2) for the paths functions/api-functions.ts gives it. */
export const handler = handle(wireBookings(createApiApp(runtime), runtime));

/** A scheduled entry (e.g. EventBridge every 5 minutes): repairs bookings a crash left half-written. */
export const sweepHandler = async (): Promise<{ repaired: number }> => ({
  repaired: await settlement({ store: dynamoBookingStore(runtime.db, runtime.tableName), clock: runtime.clock }).sweep(100),
});
