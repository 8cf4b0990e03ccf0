import * as z from 'zod/mini';
import { TICKET_CATEGORIES } from '../core/catalog.ts';
import { Cursor, documented, Id, queryInteger } from '../core/schemas.ts';
import { isTimeZone, LANGUAGES } from '../core/locale.ts';
import { NOTIFICATION_KINDS, type NotificationKind } from './domain/kinds.ts';

export const kindFlags = () =>
  z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.optional(z.boolean())])) as Record<NotificationKind, z.ZodMiniOptional<z.ZodMiniBoolean>>);

export const PreferencesBody = documented(z.strictObject({
  kinds: z.optional(kindFlags()),
  categories: z.optional(z.array(z.enum(TICKET_CATEGORIES)).check(z.maxLength(TICKET_CATEGORIES.length))),
}), { id: 'NotificationPreferencesChange' });

export const ParkedQuery = z.object({ limit: queryInteger(1, 100, 25), cursor: Cursor });

export const DeliveryParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9]{1,64}$/, 'Not a delivery id.')) });

export const Language = documented(z.enum(LANGUAGES), { description: 'en, fr, de, es or it', example: 'es' });
export const TimeZoneName = documented(z.string().check(z.refine(isTimeZone, 'Not an IANA time zone such as Europe/Madrid.')), { example: 'Europe/Madrid' });

export const PersonalSettingsBody = documented(z.strictObject({
  language: z.optional(z.nullable(Language)),
  timeZone: z.optional(z.nullable(TimeZoneName)),
}), { id: 'PersonalSettingsChange', description: 'Fields left out keep their value; null goes back to the default.' });

export const UnsubscribeQuery = z.object({
  user: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a user id.')),
  kind: z.enum(NOTIFICATION_KINDS),
  sig: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Not a link signature.')),
});

/** Withdraws reply addresses: one's own (no user named), or a coordinator names whose. */
export const WithdrawReplyAddressesBody = documented(z.strictObject({
  // A copy: documenting Id itself would describe every id of the API (a ticket's assignee, a booking's ticket) so.
  userId: z.optional(documented(Id.clone(), { description: 'Coordinators: whose addresses (a leaving employee); yours when left out' })),
}), { id: 'ReplyAddressesWithdrawal' });
