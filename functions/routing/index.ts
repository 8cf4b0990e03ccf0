import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { apiConfig } from '../core/config.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { routingSweep, wireRouting } from './wiring.ts';

const NAME: ApiFunctionName = 'routing';
const runtime = apiRuntime(NAME, apiConfig());

/** The Lambda entry (API Gateway HTTP API, payload v2) of routing's routes: settings, support hours, absences, the roster. */
export const handler = handle(wireRouting(createApiApp(runtime), runtime));

/** A scheduled entry (EventBridge Scheduler every 5 minutes): load counters that drifted are set to what the tickets say. */
export const sweepHandler = routingSweep(runtime);
