import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { analyticsConfig } from './config.ts';
import { wireAnalytics } from './wiring.ts';

const NAME: ApiFunctionName = 'analytics';
const config = analyticsConfig();
const runtime = apiRuntime(NAME, config);

/** The Lambda entry (API Gateway HTTP API, payload v2) of the readers' events and the coordinators' report. */
export const handler = handle(wireAnalytics(createApiApp(runtime), { ...runtime, eventsPerSource: config.eventsPerSource, ...(config.edgeSecret ? { edgeSecret: config.edgeSecret } : {}) }));
