import * as z from 'zod/mini';
import { BODY_PROBLEMS, type RouteDoc } from '../core/openapi.ts';
import { ParkedListSchema, PersonalSettingsSchema, PreferencesSchema, ReplaySchema, UnsubscribedSchema, WithdrawnSchema } from './responses.ts';
import {
  getPersonalRoute, getPreferencesRoute, listParkedRoute, putPersonalRoute, putPreferencesRoute, replayParkedRoute, unsubscribePageRoute, unsubscribeRoute,
  withdrawReplyAddressesRoute,
} from './routes.ts';

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
    route: getPersonalRoute, tags: ['notifications'],
    responses: { 200: { description: 'Your language and time zone', schema: PersonalSettingsSchema } }, errors: ['unauthorized'],
  },
  {
    route: putPersonalRoute, tags: ['notifications'],
    description: 'Sets your language (e-mails and the web app) and your time zone (times in e-mails). Fields left out keep their value; null goes back to the default (your organisation\'s language or English; the centre\'s zone).',
    responses: { 200: { description: 'Saved', schema: PersonalSettingsSchema } }, errors: [...BODY_PROBLEMS, 'unauthorized'],
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
    route: unsubscribePageRoute, tags: ['notifications'], public: true,
    description: 'The page a one-click unsubscribe link (List-Unsubscribe) opens in a browser: it asks before turning anything off. 403 (a page) for a link whose signature does not match; 404 where links are not enabled.',
    responses: { 200: { description: 'A page with the button that turns the kind off', contentType: 'text/html', schema: z.string() } }, errors: ['validation', 'not-found'],
  },
  {
    route: unsubscribeRoute, tags: ['notifications'], public: true,
    description: 'RFC 8058 one-click unsubscribe, as mail clients send it (body `List-Unsubscribe=One-Click`, no sign-in): turns off the one optional kind the signed link names, for the user it names. A browser (Accept: text/html) gets a page instead of JSON.',
    responses: { 200: { description: 'That kind is off for that user', schema: UnsubscribedSchema } }, errors: ['validation', 'forbidden', 'not-found'],
  },
  {
    route: withdrawReplyAddressesRoute, tags: ['notifications'],
    description: 'Every reply address (Reply-To of ticket mails, staff\'s internal-note address) sent so far stops working: for a mail forwarded by mistake, or a person leaving. Your own; coordinators may name anyone.',
    responses: { 200: { description: 'Withdrawn', schema: WithdrawnSchema } }, errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden', 'not-found'],
  },
];
