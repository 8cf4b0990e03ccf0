import * as z from 'zod/mini';
import { TICKET_CATEGORIES } from '../core/catalog.ts';
import { Cursor, documented, pageOf, queryInteger } from '../core/schemas.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './domain/kinds.ts';

const kindFlags = () =>
  z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.optional(z.boolean())])) as Record<NotificationKind, z.ZodMiniOptional<z.ZodMiniBoolean>>);

export const PreferencesSchema = documented(z.object({
  kinds: documented(kindFlags(), { description: 'Whether each kind of e-mail that concerns your role is sent to you' }),
  mandatory: documented(z.array(z.enum(NOTIFICATION_KINDS)), { description: 'Those of your kinds that cannot be turned off' }),
  categories: documented(z.array(z.enum(TICKET_CATEGORIES)), { description: 'Ticket categories whose new tickets you hear about (staff)' }),
}), { id: 'NotificationPreferences' });

export const PreferencesBody = documented(z.strictObject({
  kinds: z.optional(kindFlags()),
  categories: z.optional(z.array(z.enum(TICKET_CATEGORIES)).check(z.maxLength(TICKET_CATEGORIES.length))),
}), { id: 'NotificationPreferencesChange' });

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

export const ParkedQuery = z.object({ limit: queryInteger(1, 100, 25), cursor: Cursor });

export const DeliveryParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/, 'Not a delivery id.')) });

export const ReplaySchema = z.object({ id: z.string(), state: z.literal('queued') });
