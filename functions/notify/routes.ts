import { defineRoute } from '../core/route.ts';
import { DeliveryParams, ParkedListSchema, ParkedQuery, PreferencesBody, PreferencesSchema, ReplaySchema } from './schemas.ts';

export const getPreferencesRoute = defineRoute({
  method: 'get', path: '/api/me/notifications', tags: ['notifications'],
  responses: { 200: { description: 'Your e-mail preferences', schema: PreferencesSchema } }, errors: [401],
});

export const putPreferencesRoute = defineRoute({
  method: 'put', path: '/api/me/notifications', tags: ['notifications'],
  description: 'Turns kinds on or off (the mandatory ones stay on) and, for staff, sets the categories followed. Fields left out keep their value.',
  body: PreferencesBody,
  responses: { 200: { description: 'Saved', schema: PreferencesSchema } }, errors: [400, 401, 413, 415, 422],
});

export const listParkedRoute = defineRoute({
  method: 'get', path: '/api/notifications/parked', tags: ['notifications'],
  query: ParkedQuery,
  responses: { 200: { description: 'E-mails that could not be delivered, newest first', schema: ParkedListSchema } }, errors: [400, 401, 403],
});

export const replayParkedRoute = defineRoute({
  method: 'post', path: '/api/notifications/parked/{id}/replay', tags: ['notifications'],
  description: 'Queues a parked e-mail; the next sweep sends it (the call never waits on e-mail).',
  params: DeliveryParams,
  responses: { 202: { description: 'Queued', schema: ReplaySchema } }, errors: [400, 401, 403, 404, 409],
});

export const notificationRoutes = [getPreferencesRoute, putPreferencesRoute, listParkedRoute, replayParkedRoute];
