import type { ApiApp } from '../core/http.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { registerAnalyticsRoutes } from './app.ts';
import { DEFAULT_EVENTS_PER_SOURCE } from './config.ts';
import type { BucketRule } from './domain/token-bucket.ts';
import { dynamoAnalyticsStore } from './dynamo-store.ts';

export interface AnalyticsInfrastructure extends ApiInfrastructure {
  /** Events one source may send (config.ts); the default where the caller has no setting (the local server). */
  eventsPerSource?: BucketRule;
  /** Only the Lambda entry has one (config.ts): the local server never believes a viewer-address header. */
  edgeSecret?: string;
}

/** The analytics routes on the DynamoDB table: the one wiring the Lambda entry and the local server share. */
export function wireAnalytics(app: ApiApp, { db, tableName, clock, verifier, eventsPerSource, edgeSecret }: AnalyticsInfrastructure): ApiApp {
  return registerAnalyticsRoutes(app, {
    store: dynamoAnalyticsStore(db, tableName), clock, verifier, eventsPerSource: eventsPerSource ?? DEFAULT_EVENTS_PER_SOURCE, ...(edgeSecret ? { edgeSecret } : {}),
  });
}
