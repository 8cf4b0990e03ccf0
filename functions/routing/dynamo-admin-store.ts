import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { counterChanges, dynamoRoutingStore, toEntry } from './dynamo-store.ts';
import { rosterKey, settingKey } from './keys.ts';
import type { RoutingAdminStore } from './store.ts';

/**
 * The routing function's store: creation's (dynamo-store.ts) and the writes of its admin side and sweep. Apart, so
 * the tickets function, which only creates, carries none of them.
 */
export function dynamoRoutingAdminStore(db: DynamoDBDocumentClient, tableName: string): RoutingAdminStore {
  const change = counterChanges(db, tableName);
  const setFields = (expertId: string, fields: Record<string, unknown>, remove: string[] = []) => {
    const names = Object.keys(fields);
    const set = ['#expertId = :expertId', ...names.map((_, i) => `#f${i} = :v${i}`)];
    return db.send(new UpdateCommand({
      TableName: tableName, Key: rosterKey(expertId),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : ''}`,
      ExpressionAttributeNames: { '#expertId': 'expertId', ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])), ...Object.fromEntries(remove.map((n, i) => [`#r${i}`, n])) },
      ExpressionAttributeValues: { ':expertId': expertId, ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])) },
    }));
  };

  return {
    ...dynamoRoutingStore(db, tableName),

    async putSetting(name, value) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...settingKey(name), value } }));
    },

    async rosterEntry(expertId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: rosterKey(expertId), ConsistentRead: true }));
      return Item ? toEntry(Item) : undefined;
    },

    async setSupportHours(expertId, hours) {
      await (hours ? setFields(expertId, { supportHours: hours }) : setFields(expertId, {}, ['supportHours']));
    },

    async setAbsences(expertId, absences) {
      await setFields(expertId, { absences });
    },

    reconcile(expertId, seenLoad, load, openTickets) {
      // SET, not ADD: the counters become what the tickets say, unless a claim moved the load since it was read.
      return conditionally(() => change({ set: [[expertId, 'load', load], [expertId, 'openTickets', openTickets]], loadStill: { expertId, load: seenLoad } }));
    },
  };
}
