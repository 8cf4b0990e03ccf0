import type { MailChannelConfig } from '../../core/config.ts';
import { STAFF_ROLES, type Role } from '../../core/principal.ts';
import { replyAddress, signReplyToken, type ReplyKind } from '../../core/reply-token.ts';
import { numberOfReference } from '../../tickets/domain/model.ts';
import type { Notice } from './notice.ts';

/**
 * A ticket's notice with the recipient's reply addresses (issue 17): a reply to `replyTo` becomes their message on
 * the ticket (functions/inbound-mail); staff also get `noteTo`, for an internal note. Signed when the delivery is
 * claimed and stored with it, so a retried or replayed mail carries the same addresses. Pure.
 */
export function withReplyAddresses(notice: Notice, recipient: { id: string; role: Role }, channel: MailChannelConfig | undefined, now: Date): Notice {
  if (!channel || !('ticket' in notice)) return notice;
  const ticketNumber = numberOfReference(notice.ticket.reference);
  if (ticketNumber === undefined) return notice;
  const address = (kind: ReplyKind) => replyAddress(signReplyToken({ ticketNumber, userId: recipient.id, kind, issuedAt: now, validDays: channel.tokenDays }, channel.tokenSecret), channel);
  return { ...notice, replyTo: address('reply'), ...(STAFF_ROLES.includes(recipient.role) ? { noteTo: address('note') } : {}) };
}
