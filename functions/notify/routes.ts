import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity } from '../core/http.ts';
import { errorResponses, jsonBody } from '../core/schemas.ts';
import { DeliveryParams, ParkedListSchema, ParkedQuery, PreferencesBody, PreferencesSchema, ReplaySchema } from './schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const getPreferencesRoute = createRoute({
  method: 'get', path: '/api/me/notifications', tags: ['notifications'], security: bearerSecurity,
  responses: { 200: json(PreferencesSchema, 'Your e-mail preferences'), ...errorResponses(401) },
});

export const putPreferencesRoute = createRoute({
  method: 'put', path: '/api/me/notifications', tags: ['notifications'], security: bearerSecurity,
  description: 'Turns kinds on or off (the mandatory ones stay on) and, for staff, sets the categories followed. Fields left out keep their value.',
  request: { body: jsonBody(PreferencesBody) },
  responses: { 200: json(PreferencesSchema, 'Saved'), ...errorResponses(400, 401, 413, 415, 422) },
});

export const listParkedRoute = createRoute({
  method: 'get', path: '/api/notifications/parked', tags: ['notifications'], security: bearerSecurity,
  request: { query: ParkedQuery },
  responses: { 200: json(ParkedListSchema, 'E-mails that could not be delivered, newest first'), ...errorResponses(400, 401, 403) },
});

export const replayParkedRoute = createRoute({
  method: 'post', path: '/api/notifications/parked/{id}/replay', tags: ['notifications'], security: bearerSecurity,
  description: 'Queues a parked e-mail; the next sweep sends it (the call never waits on e-mail).',
  request: { params: DeliveryParams },
  responses: { 202: json(ReplaySchema, 'Queued'), ...errorResponses(400, 401, 403, 404, 409) },
});
