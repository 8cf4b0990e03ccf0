/** What the notification routes answer: documentation and the web app's types, never loaded by a function. */
import * as z from 'zod/mini';
import { TICKET_CATEGORIES } from '../core/catalog.ts';
import { documented, pageOf } from '../core/schemas.ts';
import { NOTIFICATION_KINDS } from './domain/kinds.ts';
import { kindFlags, Language, TimeZoneName } from './schemas.ts';

export const PreferencesSchema = documented(z.object({
  kinds: documented(kindFlags(), { description: 'Whether each kind of e-mail that concerns your role is sent to you' }),
  mandatory: documented(z.array(z.enum(NOTIFICATION_KINDS)), { description: 'Those of your kinds that cannot be turned off' }),
  categories: documented(z.array(z.enum(TICKET_CATEGORIES)), { description: 'Ticket categories whose new tickets you hear about (staff)' }),
}), { id: 'NotificationPreferences' });

export const ParkedSchema = documented(z.object({
  id: z.string(),
  eventId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  recipientId: z.string(),
  to: z.string(),
  attempts: z.int(),
  reason: z.enum(['failed', 'in-doubt']),
  lastError: z.optional(z.string()),
  parkedAt: z.string(),
  createdAt: z.string(),
}), { id: 'ParkedDelivery' });

export const ParkedListSchema = pageOf(ParkedSchema);

export const ReplaySchema = z.object({ id: z.string(), state: z.literal('queued') });

export const PersonalSettingsSchema = documented(z.object({
  language: documented(Language, { description: 'The language of your e-mails and of the web app' }),
  languageSource: documented(z.enum(['own', 'organisation', 'default']), { description: 'Whether you chose it, your organisation gives it, or it is the default (English)' }),
  timeZone: documented(z.nullable(TimeZoneName), { description: 'Your time zone for times in e-mails; null: none chosen yet (e-mails use the centre\'s)' }),
}), { id: 'PersonalSettings' });

export const UnsubscribedSchema = documented(z.object({ kind: z.enum(NOTIFICATION_KINDS), state: z.literal('off') }), { id: 'Unsubscribed' });

export const WithdrawnSchema = documented(z.object({
  userId: z.string(),
  withdrawnAt: documented(z.string(), { description: 'Reply addresses in mails sent until this instant no longer work; later mails carry new ones' }),
}), { id: 'ReplyAddressesWithdrawn' });
