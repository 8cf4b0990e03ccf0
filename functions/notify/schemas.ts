import { z } from '@hono/zod-openapi';
import { TICKET_CATEGORIES } from '../core/catalog.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './domain/kinds.ts';

const kindFlags = <T extends z.ZodType>(flag: T) =>
  z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, flag])) as Record<NotificationKind, T>);

export const PreferencesSchema = z.object({
  kinds: kindFlags(z.boolean().optional()).openapi({ description: 'Whether each kind of e-mail that concerns your role is sent to you' }),
  mandatory: z.array(z.enum(NOTIFICATION_KINDS)).openapi({ description: 'Those of your kinds that cannot be turned off' }),
  categories: z.array(z.enum(TICKET_CATEGORIES)).openapi({ description: 'Ticket categories whose new tickets you hear about (staff)' }),
}).openapi('NotificationPreferences');

export const PreferencesBody = z.strictObject({
  kinds: kindFlags(z.boolean().optional()).optional(),
  categories: z.array(z.enum(TICKET_CATEGORIES)).max(TICKET_CATEGORIES.length).optional(),
}).openapi('NotificationPreferencesChange');

export const ParkedSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  recipientId: z.string(),
  to: z.string(),
  attempts: z.number().int(),
  reason: z.enum(['failed', 'in-doubt']),
  lastError: z.string().optional(),
  parkedAt: z.string(),
  createdAt: z.string(),
}).openapi('ParkedDelivery');

export const ParkedListSchema = z.object({ items: z.array(ParkedSchema), cursor: z.string().optional() });

export const ParkedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const DeliveryParams = z.object({ id: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'Not a delivery id.').openapi({ param: { name: 'id', in: 'path' } }) });

export const ReplaySchema = z.object({ id: z.string(), state: z.literal('queued') });
