import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { ROSTER_PARTITION, rosterKey, SETTING_NAMES, SETTINGS_PARTITION, settingKey, type SettingName } from './keys.ts';
import type { RosterEntry, RoutingStore, StoredSettings } from './store.ts';

function toEntry(item: Record<string, unknown>): RosterEntry {
  return {
    expertId: String(item.expertId),
    ...(item.supportHours ? { supportHours: item.supportHours as RosterEntry['supportHours'] } : {}),
    absences: (item.absences as RosterEntry['absences'] | undefined) ?? [],
    load: Number(item.load ?? 0),
    openTickets: Number(item.openTickets ?? 0),
    ...(item.lastAssignedAt ? { lastAssignedAt: String(item.lastAssignedAt) } : {}),
  };
}

/** The condition that the load is still what the caller read (an entry without a counter reads as 0). */
function loadIs(seenLoad: number) {
  return {
    ConditionExpression: seenLoad === 0 ? 'attribute_not_exists(#load) OR #load = :seen' : '#load = :seen',
    values: { ':seen': seenLoad },
  };
}

export function dynamoRoutingStore(db: DynamoDBDocumentClient, tableName: string): RoutingStore {
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
  const counters = (expertId: string, expression: string, values: Record<string, unknown>, condition?: { ConditionExpression: string; values: Record<string, unknown> }) =>
    db.send(new UpdateCommand({
      TableName: tableName, Key: rosterKey(expertId),
      UpdateExpression: expression,
      ...(condition ? { ConditionExpression: condition.ConditionExpression } : {}),
      ExpressionAttributeNames: { '#expertId': 'expertId', '#load': 'load', '#open': 'openTickets', ...(expression.includes('#last') ? { '#last': 'lastAssignedAt' } : {}) },
      ExpressionAttributeValues: { ':expertId': expertId, ...values, ...(condition?.values ?? {}) },
    }));

  return {
    async settings() {
      const { Items = [] } = await db.send(new QueryCommand({
        TableName: tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': SETTINGS_PARTITION, ':prefix': 'ROUTING#' },
      }));
      const stored: StoredSettings = {};
      for (const item of Items) {
        const name = String(item.sk).slice('ROUTING#'.length) as SettingName;
        if (SETTING_NAMES.includes(name)) (stored as Record<string, unknown>)[name] = item.value;
      }
      return stored;
    },

    async putSetting(name, value) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...settingKey(name), value } }));
    },

    async roster() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new QueryCommand({
          TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': ROSTER_PARTITION },
          ConsistentRead: true, ExclusiveStartKey: start,
        }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items.map(toEntry);
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

    async claim(expertId, weight, at) {
      const { Attributes = {} } = await db.send(new UpdateCommand({
        TableName: tableName, Key: rosterKey(expertId),
        UpdateExpression: 'SET #expertId = :expertId, #last = :at ADD #load :w, #open :one',
        ExpressionAttributeNames: { '#expertId': 'expertId', '#load': 'load', '#open': 'openTickets', '#last': 'lastAssignedAt' },
        ExpressionAttributeValues: { ':expertId': expertId, ':at': at, ':w': weight, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }));
      return { load: Number(Attributes.load ?? weight), openTickets: Number(Attributes.openTickets ?? 1) };
    },

    async adjust(expertId, load, openTickets) {
      await counters(expertId, 'SET #expertId = :expertId, #load = if_not_exists(#load, :zero) + :load, #open = if_not_exists(#open, :zero) + :n',
        { ':zero': 0, ':load': load, ':n': openTickets });
    },

    reconcile(expertId, seenLoad, load, openTickets) {
      return conditionally(() => counters(expertId, 'SET #expertId = :expertId, #load = :load, #open = :n', { ':load': load, ':n': openTickets }, loadIs(seenLoad)));
    },
  };
}
