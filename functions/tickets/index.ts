import { handle } from 'hono/aws-lambda';
import { apiRuntime } from '../core/runtime.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { registerNotificationRoutes } from '../notify/app.ts';
import { dynamoNotifyStore } from '../notify/dynamo-store.ts';
import { createTicketsApp } from './app.ts';
import { dynamoTicketStore } from './dynamo-store.ts';

const runtime = apiRuntime('tickets');
const { db, config } = runtime;

const app = createTicketsApp({
  ...runtime,
  store: dynamoTicketStore(db, config.tableName),
  users: dynamoUserDirectory(db, config.tableName),
});
// E-mail preferences and parked e-mails: /api/me/notifications and /api/notifications/* reach this function
// through the catch-all route; the notifier itself has no HTTP entry.
registerNotificationRoutes(app, { ...runtime, store: dynamoNotifyStore(db, config.tableName) });

/** The Lambda entry (API Gateway HTTP API, payload v2). */
export const handler = handle(app);
export { createTicketsApp, registerTicketRoutes } from './app.ts';
