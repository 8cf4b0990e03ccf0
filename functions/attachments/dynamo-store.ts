import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { TTL_ATTRIBUTE, withoutKeys } from '../core/table.ts';
import { ticketKey } from '../tickets/keys.ts';
import type { Attachment } from './domain/model.ts';
import { MAX_FILES_PER_TICKET, MAX_TICKET_BYTES } from './domain/limits.ts';
import { ATTACHMENT_SORT_PREFIX, attachmentCounterKey, attachmentKey, attachmentPartition } from './keys.ts';
import type { AttachmentStore, TicketFacts } from './store.ts';

export function dynamoAttachmentStore(db: DynamoDBDocumentClient, tableName: string): AttachmentStore {
  const TableName = tableName;
  return {
    async ticket(ticketId) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: ticketKey(ticketId), ProjectionExpression: 'orgId, #s', ExpressionAttributeNames: { '#s': 'status' }, ConsistentRead: true }));
      return Item ? (Item as TicketFacts) : undefined;
    },

    // One conditional update on the ticket's counter: of 20 racing uploads with 19 slots left, 19 succeed.
    reserve: (ticketId, size) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: attachmentCounterKey(ticketId),
      UpdateExpression: 'ADD files :one, bytes :size',
      ConditionExpression: 'attribute_not_exists(files) OR (files < :maxFiles AND bytes <= :room)',
      ExpressionAttributeValues: { ':one': 1, ':size': size, ':maxFiles': MAX_FILES_PER_TICKET, ':room': MAX_TICKET_BYTES - size },
    }))),

    async release(ticketId, size) {
      await db.send(new UpdateCommand({
        TableName, Key: attachmentCounterKey(ticketId), UpdateExpression: 'ADD files :minusOne, bytes :minusSize',
        ExpressionAttributeValues: { ':minusOne': -1, ':minusSize': -size },
      }));
    },

    create: (attachment, ttl) => conditionally(() => db.send(new PutCommand({
      TableName, Item: { ...attachmentKey(attachment.ticketId, attachment.id), ...attachment, [TTL_ATTRIBUTE]: ttl },
      ConditionExpression: 'attribute_not_exists(pk)',
    }))),

    async get(ticketId, id) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: attachmentKey(ticketId, id), ConsistentRead: true }));
      return Item ? withoutKeys<Attachment>(Item, [TTL_ATTRIBUTE]) : undefined;
    },

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

    async linkToMessage(ticketId, ids, messageId) {
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
    },
  };
}
