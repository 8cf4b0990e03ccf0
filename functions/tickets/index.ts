import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { ticketsConfig } from './config.ts';
import { wireTickets } from './wiring.ts';

const NAME: ApiFunctionName = 'tickets';
const runtime = apiRuntime(NAME, ticketsConfig());

/** The Lambda entry (API Gateway HTTP API, payload v2) for the paths functions/api-functions.ts gives it. */
export const handler = handle(wireTickets(createApiApp(runtime), runtime));
