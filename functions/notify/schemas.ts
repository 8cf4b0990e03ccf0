import * as z from 'zod/mini';
import { TICKET_CATEGORIES } from '../core/catalog.ts';
import { Cursor, documented, Id, queryInteger } from '../core/schemas.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './domain/kinds.ts';

export const kindFlags = () =>
  z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.optional(z.boolean())])) as Record<NotificationKind, z.ZodMiniOptional<z.ZodMiniBoolean>>);

export const PreferencesBody = documented(z.strictObject({
  kinds: z.optional(kindFlags()),
  categories: z.optional(z.array(z.enum(TICKET_CATEGORIES)).check(z.maxLength(TICKET_CATEGORIES.length))),
}), { id: 'NotificationPreferencesChange' });

export const ParkedQuery = z.object({ limit: queryInteger(1, 100, 25), cursor: Cursor });

export const DeliveryParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/, 'Not a delivery id.')) });

/** Withdraws reply addresses: one's own (no user named), or a coordinator names whose. */
export const WithdrawReplyAddressesBody = documented(z.strictObject({
  userId: z.optional(documented(Id, { description: 'Coordinators: whose addresses (a leaving employee); yours when left out' })),
}), { id: 'ReplyAddressesWithdrawal' });
