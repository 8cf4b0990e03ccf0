import { BODY_PROBLEMS, type RouteDoc } from '../core/openapi.ts';
import { ParkedListSchema, PreferencesSchema, ReplaySchema, WithdrawnSchema } from './responses.ts';
import { getPreferencesRoute, listParkedRoute, putPreferencesRoute, replayParkedRoute, withdrawReplyAddressesRoute } from './routes.ts';

/** The notification rows of the OpenAPI document. */
export const notificationDocs: RouteDoc[] = [
  {
    route: getPreferencesRoute, tags: ['notifications'],
    responses: { 200: { description: 'Your e-mail preferences', schema: PreferencesSchema } }, errors: ['unauthorized'],
  },
  {
    route: putPreferencesRoute, tags: ['notifications'],
    description: 'Turns kinds on or off (the mandatory ones stay on) and, for staff, sets the categories followed. Fields left out keep their value.',
    responses: { 200: { description: 'Saved', schema: PreferencesSchema } }, errors: [...BODY_PROBLEMS, 'unauthorized', 'preferences.refused'],
  },
  {
    route: listParkedRoute, tags: ['notifications'],
    responses: { 200: { description: 'E-mails that could not be delivered, newest first', schema: ParkedListSchema } }, errors: ['validation', 'unauthorized', 'forbidden'],
  },
  {
    route: replayParkedRoute, tags: ['notifications'],
    description: 'Queues a parked e-mail; the next sweep sends it (the call never waits on e-mail).',
    responses: { 202: { description: 'Queued', schema: ReplaySchema } }, errors: ['validation', 'unauthorized', 'forbidden', 'not-found', 'mail.not-parked'],
  },
  {
    route: withdrawReplyAddressesRoute, tags: ['notifications'],
    description: 'Every reply address (Reply-To of ticket mails, staff\'s internal-note address) sent so far stops working: for a mail forwarded by mistake, or a person leaving. Your own; coordinators may name anyone.',
    responses: { 200: { description: 'Withdrawn', schema: WithdrawnSchema } }, errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden', 'not-found'],
  },
];
