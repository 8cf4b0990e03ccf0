import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionalPut, conditionally, wasRetried } from '../core/conditional.ts';
import { isConditionFailure } from '../core/dynamo.ts';
import { isUnavailable } from '../core/unavailable.ts';
import { decodeCursor, encodeCursor } from '../core/pagination.ts';
import { queryAll } from '../core/query.ts';
import { TTL_ATTRIBUTE } from '../core/table.ts';
import { DEFAULT_PREFERENCES, type Preferences } from './domain/kinds.ts';
import { audienceKey, DELIVERY_STATE_PARTITION as STATE_PARTITION, deliveryKey, followKey, preferencesKey } from './keys.ts';
import type { DeliveryRecord, DeliveryState, NewDelivery, NotifyStore } from './store.ts';

const RECORD_ATTRIBUTES = [
  'id', 'eventId', 'recipientId', 'to', 'lang', 'timeZone', 'kind', 'mandatory', 'notice', 'state', 'attempts', 'createdAt', 'updatedAt',
  'sentAt', 'providerMessageId', 'lastError', 'parkedReason',
] as const;

function toRecord(item: Record<string, unknown>): DeliveryRecord {
  return Object.fromEntries(RECORD_ATTRIBUTES.filter((name) => item[name] !== undefined).map((name) => [name, item[name]])) as unknown as DeliveryRecord;
}

/** SET/REMOVE clauses and their names and values for an update that moves a delivery to `state`. */
function stateChange(id: string, state: DeliveryState, at: string, set: Record<string, unknown> = {}, remove: string[] = []) {
  const partition = STATE_PARTITION[state];
  const given = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
  const fields: Record<string, unknown> = { ...given, state, updatedAt: at, ...(partition ? { gsi1pk: partition, gsi1sk: `${at}#${id}` } : {}) };
  const removed = [...remove, ...(partition ? [] : ['gsi1pk', 'gsi1sk'])];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const removes = removed.map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  return {
    expression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    names,
    values,
  };
}

export function dynamoNotifyStore(db: DynamoDBDocumentClient, tableName: string): NotifyStore {
  async function queryPartition(partition: string, options: { before?: string; limit: number; newestFirst?: boolean; cursor?: string }) {
    const startKey = decodeCursor(options.cursor, { attribute: 'gsi1pk', value: partition });
    const page = await db.send(new QueryCommand({
      TableName: tableName, IndexName: 'gsi1',
      KeyConditionExpression: options.before ? 'gsi1pk = :pk AND gsi1sk < :before' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': partition, ...(options.before ? { ':before': options.before } : {}) },
      ScanIndexForward: !options.newestFirst,
      Limit: options.limit,
      ExclusiveStartKey: startKey,
    }));
    const items = (page.Items ?? []).map(toRecord);
    const last = page.LastEvaluatedKey;
    return { items, cursor: encodeCursor(last) };
  }

  async function update(id: string, change: ReturnType<typeof stateChange>, condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }) {
    return db.send(new UpdateCommand({
      TableName: tableName,
      Key: deliveryKey(id),
      UpdateExpression: change.expression,
      ...(condition ? { ConditionExpression: condition.expression } : {}),
      ExpressionAttributeNames: { ...change.names, ...condition?.names },
      ExpressionAttributeValues: { ...change.values, ...condition?.values },
      ReturnValues: 'ALL_NEW',
    }));
  }

  /**
   * A claim is ours if its write held, or if an attempt of it landed unseen (the SDK's retry then failed on it, or
   * the retries ran out): the marker then carries this claim's own `claimId` (else the mail would never go, and be
   * parked as in doubt).
   */
  const claimed = async (id: string, claimId: string, run: () => Promise<{ Attributes?: Record<string, unknown> }>): Promise<DeliveryRecord | undefined> => {
    try {
      const { Attributes } = await run();
      return Attributes ? toRecord(Attributes) : undefined;
    } catch (error) {
      const refused = isConditionFailure(error);
      if (refused && !wasRetried(error)) return undefined;
      if (!refused && !isUnavailable(error)) throw error;
      // Retried, or failed with the outcome unknown: the marker says whether this claim landed.
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: deliveryKey(id), ConsistentRead: true }));
      if (Item?.claimId === claimId) return toRecord(Item);
      if (refused) return undefined;
      throw error;
    }
  };

  return {
    claim(delivery: NewDelivery, at, expiresAt) {
      const claimId = randomUUID();
      const change = stateChange(delivery.id, 'sending', at, { ...delivery, attempts: 1, createdAt: at, claimId, [TTL_ATTRIBUTE]: expiresAt });
      return claimed(delivery.id, claimId, () => update(delivery.id, change, { expression: 'attribute_not_exists(pk)' }));
    },

    claimForRetry(id, at) {
      const claimId = randomUUID();
      const change = stateChange(id, 'sending', at, { claimId });
      change.expression = change.expression.replace(/^SET /, 'SET #attempts = #attempts + :one, ');
      Object.assign(change.names, { '#attempts': 'attempts', '#state': 'state' });
      Object.assign(change.values, { ':one': 1, ':failed': 'failed', ':queued': 'queued' });
      return claimed(id, claimId, () => update(id, change, { expression: '#state IN (:failed, :queued)' }));
    },

    async markSent(id, at, providerMessageId) {
      await update(id, stateChange(id, 'sent', at, { sentAt: at, providerMessageId }, ['lastError', 'parkedReason']));
    },

    async markFailed(id, at, error, park) {
      const state = park ? 'parked' : 'failed';
      await update(id, stateChange(id, state, at, { lastError: error.slice(0, 1000), ...(park ? { parkedReason: 'failed' } : {}) }));
    },

    parkInDoubt(id, at, claimedBefore) {
      const change = stateChange(id, 'parked', at, { parkedReason: 'in-doubt', lastError: 'The sender stopped while sending; the message may or may not have gone out.' });
      Object.assign(change.names, { '#state': 'state', '#updated': 'updatedAt' });
      Object.assign(change.values, { ':sending': 'sending', ':before': claimedBefore });
      return conditionally(() => update(id, change, { expression: '#state = :sending AND #updated < :before' }));
    },

    async requeue(id, at) {
      const change = stateChange(id, 'queued', at, { attempts: 0 }, ['parkedReason']);
      Object.assign(change.names, { '#state': 'state' });
      Object.assign(change.values, { ':parked': 'parked' });
      if (await conditionally(() => update(id, change, { expression: '#state = :parked' }))) return 'queued';
      return (await this.get(id)) ? 'not-parked' : 'unknown';
    },

    async get(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: deliveryKey(id), ConsistentRead: true }));
      return Item ? toRecord(Item) : undefined;
    },

    async listParked(limit, cursor) {
      return queryPartition(STATE_PARTITION.parked!, { limit, newestFirst: true, cursor });
    },

    async listRetryable(failedBefore, limit) {
      const [failed, queued] = await Promise.all([
        queryPartition(STATE_PARTITION.failed!, { before: failedBefore, limit }),
        queryPartition(STATE_PARTITION.queued!, { limit }),
      ]);
      return [...queued.items, ...failed.items].slice(0, limit);
    },

    async listStaleSending(before, limit) {
      return (await queryPartition(STATE_PARTITION.sending!, { before, limit })).items;
    },

    async fixAudience(eventId, recipientIds, expiresAt) {
      const fixed = await conditionalPut(db, {
        TableName: tableName,
        Item: { ...audienceKey(eventId), eventId, recipientIds, [TTL_ATTRIBUTE]: expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      if (fixed) return recipientIds;
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: audienceKey(eventId), ConsistentRead: true }));
      return (Item?.recipientIds ?? []) as string[];
    },

    async getPreferences(userId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: preferencesKey(userId), ConsistentRead: true }));
      if (!Item) return { ...DEFAULT_PREFERENCES };
      return { off: (Item.off ?? []) as Preferences['off'], categories: (Item.categories ?? []) as Preferences['categories'] };
    },

    async putPreferences(userId, preferences, at) {
      const previous = await this.getPreferences(userId);
      // The preferences item is the truth; follow items only index it (a crash between the writes is
      // harmless: a stale follow item is filtered by the preferences, a missing one is written by the next save).
      await db.send(new PutCommand({ TableName: tableName, Item: { ...preferencesKey(userId), userId, ...preferences, updatedAt: at } }));
      const dropped = previous.categories.filter((category) => !preferences.categories.includes(category));
      await Promise.all([
        ...dropped.map((category) => db.send(new DeleteCommand({ TableName: tableName, Key: followKey(category, userId) }))),
        ...preferences.categories.map((category) => db.send(new PutCommand({ TableName: tableName, Item: { ...followKey(category, userId), userId, category } }))),
      ]);
    },

    async followers(category) {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': followKey(category, '').pk },
      });
      return items.map((item) => String(item.userId));
    },
  };
}
