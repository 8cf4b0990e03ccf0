import { handle } from 'hono/aws-lambda';
import type { ApiFunctionName } from '../api-functions.ts';
import { createApiApp } from '../core/http.ts';
import { apiRuntime } from '../core/runtime.ts';
import { notificationsApiConfig } from './config.ts';
import { wireNotifications } from './wiring.ts';

const NAME: ApiFunctionName = 'notifications';
const config = notificationsApiConfig();
const runtime = apiRuntime(NAME, config);

/**
 * The Lambda entry (API Gateway HTTP API, payload v2) of the notification routes: e-mail preferences and
 * parked e-mails. The notifier itself (index.ts: stream consumer and sweep) has no HTTP entry.
 */
export const handler = handle(wireNotifications(createApiApp(runtime), { ...runtime, ...(config.unsubscribeSecret ? { unsubscribeSecret: config.unsubscribeSecret } : {}) }));
