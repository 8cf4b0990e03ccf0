import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TicketFacts } from '../events/domain/events.ts';
import { messageKey, ticketKey } from '../tickets/keys.ts';
import type { QuotedMessage } from './domain/notice.ts';

/** Public messages quoted under a reply, newest first. */
export const QUOTED_MESSAGES = 3;
/** A quoted message is cut here (the reply itself is sent whole: 20,000 characters at most). */
const QUOTE_CHARACTERS = 4_000;

export interface Conversation {
  message?: QuotedMessage;
  earlier: QuotedMessage[];
}

/** The messages to read for a reply (pure): the reply, then up to `depth` public messages before it, newest first. */
export function quotedIds(ticket: Pick<TicketFacts, 'events'>, messageId: string, depth = QUOTED_MESSAGES): string[] | undefined {
  // Only `reply` entries: an internal note is a `note` entry and is never read, let alone quoted.
  const replies = ticket.events.flatMap((e) => (e.type === 'reply' && e.messageId ? [e.messageId] : []));
  const at = replies.lastIndexOf(messageId);
  return at < 0 ? undefined : [messageId, ...replies.slice(Math.max(0, at - depth), at).reverse()];
}

const shortened = (body: string, max: number) => (body.length <= max ? body : `${body.slice(0, max).trimEnd()} […]`);

/**
 * A reply's conversation for its mail, read from the tickets' items (their keys.ts): the reply and the public
 * messages before it; when fewer than `depth` came before, the ticket's own description is the oldest. A message
 * read as internal is dropped whatever the history says.
 */
export function ticketConversation(db: DynamoDBDocumentClient, tableName: string, depth = QUOTED_MESSAGES) {
  const read = async (key: Record<string, string>): Promise<Record<string, unknown> | undefined> =>
    (await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;
  const quote = (item: Record<string, unknown> | undefined, authorName: unknown, max: number): QuotedMessage[] =>
    item && item.internal !== true && typeof item.body === 'string'
      ? [{ authorName: String(authorName ?? ''), at: String(item.createdAt ?? ''), body: shortened(item.body, max) }]
      : [];

  return async (ticket: TicketFacts, messageId: string): Promise<Conversation> => {
    const ids = quotedIds(ticket, messageId, depth);
    if (!ids) return { earlier: [] };
    const withDescription = ids.length - 1 < depth;
    const [reply, ...items] = await Promise.all([
      ...ids.map((id) => read(messageKey(ticket.id, id))),
      ...(withDescription ? [read(ticketKey(ticket.id))] : []),
    ]);
    const message = quote(reply, reply?.authorName, Infinity)[0];
    const earlier = items.flatMap((item, i) => quote(item, i < ids.length - 1 ? item?.authorName : ticket.requesterName, QUOTE_CHARACTERS));
    return { ...(message ? { message } : {}), earlier: earlier.slice(0, depth) };
  };
}
