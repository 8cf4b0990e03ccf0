import { createHmac, timingSafeEqual } from 'node:crypto';
import { MANDATORY_KINDS, NOTIFICATION_KINDS, type NotificationKind } from './domain/kinds.ts';

/**
 * The one-click unsubscribe link of an optional kind (RFC 8058): it names the user and the kind and carries an
 * HMAC of both under the deployment's secret, so it needs no sign-in, cannot be made for another user or kind, and
 * only ever turns one kind off for the person it was sent to (who can turn it on again on the preferences page).
 */
export const UNSUBSCRIBE_PATH = '/api/notifications/unsubscribe';

const signature = (secret: string, userId: string, kind: string) =>
  createHmac('sha256', secret).update(`unsubscribe\u0000${userId}\u0000${kind}`).digest('base64url');

/** The link for this user and kind; undefined for a kind that cannot be turned off. */
export function unsubscribeUrl(publicUrl: string, secret: string, userId: string, kind: NotificationKind): string | undefined {
  if (MANDATORY_KINDS.includes(kind)) return undefined;
  const query = new URLSearchParams({ user: userId, kind, sig: signature(secret, userId, kind) });
  return `${publicUrl.replace(/\/+$/, '')}${UNSUBSCRIBE_PATH}?${query}`;
}

/** The kind a link turns off, when its signature is this user's and kind's and the kind is optional; else undefined. */
export function verifiedUnsubscribe(secret: string, link: { user: string; kind: string; sig: string }): NotificationKind | undefined {
  const kind = NOTIFICATION_KINDS.find((k) => k === link.kind);
  if (!kind || MANDATORY_KINDS.includes(kind)) return undefined;
  const expected = Buffer.from(signature(secret, link.user, kind));
  const given = Buffer.from(link.sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? kind : undefined;
}
