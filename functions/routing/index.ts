import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { apiConfig } from '../core/config.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { wireRouting } from './wiring.ts';

const NAME: ApiFunctionName = 'routing';
const runtime = apiRuntime(NAME, apiConfig());

/** The Lambda entry (API Gateway HTTP API, payload v2) of routing's routes: settings, support hours, absences, the roster. */
export const handler = handle(wireRouting(createApiApp(runtime), runtime));
