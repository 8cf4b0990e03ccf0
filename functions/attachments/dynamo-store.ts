import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { TTL_ATTRIBUTE, withoutKeys } from '../core/table.ts';
import { ticketKey } from '../tickets/keys.ts';
import { ticketIdOfNumber } from '../tickets/number-lookup.ts';
import type { Attachment } from './domain/model.ts';
import type { Reservation } from './domain/slots.ts';
import { MAX_FILES_PER_TICKET, MAX_TICKET_BYTES } from './domain/limits.ts';
import { ATTACHMENT_SORT_PREFIX, attachmentCounterKey, attachmentKey, attachmentPartition } from './keys.ts';
import type { AttachmentStore, TicketFacts } from './store.ts';

/** Each reservation is an attribute of the ticket's counter item: `R#<attachment id>` = {size, until?}. */
const RESERVATION_PREFIX = 'R#';
const reservationAttribute = (id: string) => `${RESERVATION_PREFIX}${id}`;

function reservationsOf(item: Record<string, unknown> | undefined): Reservation[] {
  return Object.entries(item ?? {}).filter(([name]) => name.startsWith(RESERVATION_PREFIX)).map(([name, value]) => {
    const { size, until } = value as { size: number; until?: string };
    return { id: name.slice(RESERVATION_PREFIX.length), size, ...(until !== undefined ? { until } : {}) };
  });
}

// The two operations the tickets function needs (links.ts) stand alone, so its bundle carries no more of the store.

export async function getAttachment(db: DynamoDBDocumentClient, TableName: string, ticketId: string, id: string): Promise<Attachment | undefined> {
  const { Item } = await db.send(new GetCommand({ TableName, Key: attachmentKey(ticketId, id), ConsistentRead: true }));
  return Item ? withoutKeys<Attachment>(Item, [TTL_ATTRIBUTE]) : undefined;
}

/** Sets the message on each complete attachment not sent with another message; false at the first that is not. */
export async function linkToMessage(db: DynamoDBDocumentClient, TableName: string, ticketId: string, ids: readonly string[], messageId: string): Promise<boolean> {
  for (const id of ids) {
    const linked = await conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentKey(ticketId, id),
      UpdateExpression: 'SET messageId = :message',
      ConditionExpression: '#s = :complete AND (attribute_not_exists(messageId) OR messageId = :message)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':message': messageId, ':complete': 'complete' },
    })));
    if (!linked) return false;
  }
  return true;
}

export function dynamoAttachmentStore(db: DynamoDBDocumentClient, tableName: string): AttachmentStore {
  const TableName = tableName;
  const counter = async (ticketId: string) => (await db.send(new GetCommand({ TableName, Key: attachmentCounterKey(ticketId), ConsistentRead: true }))).Item;
  const reservationOf = async (ticketId: string, id: string) => reservationsOf(await counter(ticketId)).find((r) => r.id === id);
  return {
    async ticket(ticketId) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: ticketKey(ticketId), ProjectionExpression: 'orgId, #s', ExpressionAttributeNames: { '#s': 'status' }, ConsistentRead: true }));
      return Item ? (Item as TicketFacts) : undefined;
    },

    ticketIdOfNumber: (number) => ticketIdOfNumber(db, TableName, number),

    // One conditional update on the ticket's counter: of 20 racing uploads with 19 slots left, 19 succeed. The
    // reservation rides on the same item, so the totals always equal the sum of the ledger.
    reserve: (ticketId, reservation) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentCounterKey(ticketId),
      UpdateExpression: 'ADD files :one, bytes :size SET #r = :reservation',
      ConditionExpression: 'attribute_not_exists(#r) AND (attribute_not_exists(files) OR (files < :maxFiles AND bytes <= :room))',
      ExpressionAttributeNames: { '#r': reservationAttribute(reservation.id) },
      ExpressionAttributeValues: {
        ':one': 1, ':size': reservation.size, ':maxFiles': MAX_FILES_PER_TICKET, ':room': MAX_TICKET_BYTES - reservation.size,
        ':reservation': { size: reservation.size, until: reservation.until },
      },
    })), async () => (await reservationOf(ticketId, reservation.id))?.until === reservation.until),

    hold: (ticketId, id) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentCounterKey(ticketId),
      UpdateExpression: 'REMOVE #r.#until',
      ConditionExpression: 'attribute_exists(#r)',
      ExpressionAttributeNames: { '#r': reservationAttribute(id), '#until': 'until' },
    }))),

    release: (ticketId, { id, size }, state, expiredBefore) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentCounterKey(ticketId),
      UpdateExpression: 'REMOVE #r ADD files :minusOne, bytes :minusSize',
      ConditionExpression: `#r.#size = :size AND ${state === 'pending' ? `attribute_exists(#r.#until)${expiredBefore ? ' AND #r.#until < :now' : ''}` : 'attribute_not_exists(#r.#until)'}`,
      ExpressionAttributeNames: { '#r': reservationAttribute(id), '#size': 'size', '#until': 'until' },
      ExpressionAttributeValues: { ':minusOne': -1, ':minusSize': -size, ':size': size, ...(expiredBefore ? { ':now': expiredBefore } : {}) },
    // Asked only when an attempt's answer was lost: the reservation gone means that attempt (or another release,
    // which callers treat alike) took it; the totals moved once either way.
    })), async () => (await reservationOf(ticketId, id)) === undefined),

    async reservations(ticketId) {
      return reservationsOf(await counter(ticketId));
    },

    create: (attachment, ttl) => conditionally(() => db.send(new PutCommand({
      TableName, Item: { ...attachmentKey(attachment.ticketId, attachment.id), ...attachment, [TTL_ATTRIBUTE]: ttl },
      ConditionExpression: 'attribute_not_exists(pk)',
    }))),

    get: (ticketId, id) => getAttachment(db, TableName, ticketId, id),

    async list(ticketId) {
      const items: Attachment[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new QueryCommand({
          TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ConsistentRead: true,
          ExpressionAttributeValues: { ':pk': attachmentPartition(ticketId), ':prefix': ATTACHMENT_SORT_PREFIX }, ExclusiveStartKey,
        }));
        for (const item of page.Items ?? []) items.push(withoutKeys<Attachment>(item, [TTL_ATTRIBUTE]));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    complete: (ticketId, id, { kind, contentType, completedAt, secrets }) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentKey(ticketId, id),
      // A complete attachment no longer expires.
      UpdateExpression: `SET #s = :complete, kind = :kind, contentType = :type, completedAt = :at, secrets = :secrets REMOVE ${TTL_ATTRIBUTE}`,
      ConditionExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':complete': 'complete', ':pending': 'pending', ':kind': kind, ':type': contentType, ':at': completedAt, ':secrets': secrets ?? [] },
    }))),

    dropPending: (ticketId, id, expiredBefore) => conditionally(() => db.send(new DeleteCommand({
      TableName, Key: attachmentKey(ticketId, id),
      ConditionExpression: expiredBefore ? '#s = :pending AND uploadExpiresAt < :now' : '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending', ...(expiredBefore ? { ':now': expiredBefore } : {}) },
    }))),

    markRemoved: (ticketId, id, by, at) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentKey(ticketId, id),
      UpdateExpression: 'SET #s = :removed, removedAt = :at, removedById = :byId, removedByName = :byName',
      ConditionExpression: '#s = :complete',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':removed': 'removed', ':complete': 'complete', ':at': at, ':byId': by.id, ':byName': by.name },
    }))),

    linkToMessage: (ticketId, ids, messageId) => linkToMessage(db, TableName, ticketId, ids, messageId),
  };
}
