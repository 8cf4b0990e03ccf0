import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DRAW_TICKET_NUMBER, TICKET_COUNTER_KEY } from '../tickets/keys.ts';
import { COUNTER_ATTRIBUTE, counterAttributes, ROSTER_PARTITION, SETTING_NAMES, SETTINGS_PARTITION, type SettingName } from './keys.ts';
import type { Counters, ExpertCounters, RosterEntry, RoutingStore, StoredSettings } from './store.ts';

export function toEntry(item: Record<string, unknown>, counters?: ExpertCounters): RosterEntry {
  return {
    expertId: String(item.expertId),
    ...(item.supportHours ? { supportHours: item.supportHours as RosterEntry['supportHours'] } : {}),
    absences: (item.absences as RosterEntry['absences'] | undefined) ?? [],
    load: 0, openTickets: 0,
    ...counters,
  };
}

/** Every expert's counters on the counter item (`load#<id>`, `open#<id>`, `last#<id>`). */
function countersIn(item: Record<string, unknown> = {}): Counters {
  const counters: Counters = new Map();
  for (const [name, value] of Object.entries(item)) {
    const [, kind, expertId] = COUNTER_ATTRIBUTE.exec(name) ?? [];
    if (!expertId) continue;
    const entry = counters.get(expertId) ?? { load: 0, openTickets: 0 };
    if (kind === 'last') entry.lastAssignedAt = String(value);
    else entry[kind === 'load' ? 'load' : 'openTickets'] = Number(value);
    counters.set(expertId, entry);
  }
  return counters;
}

/** One counter of one expert, added to (a number) or set (a number or the time of an assignment). */
export type CounterChange = [expertId: string, counter: keyof ExpertCounters, value: number | string];

/**
 * One UpdateItem on the counter item: ADDs `add`, SETs `set` (and the ticket number's draw when `drawNumber`),
 * optionally only while an expert's load is still what was read; answers the whole item after it.
 */
export function counterChanges(db: DynamoDBDocumentClient, tableName: string) {
  return async ({ add = [], set = [], drawNumber, loadStill }: { add?: CounterChange[]; set?: CounterChange[]; drawNumber?: boolean; loadStill?: { expertId: string; load: number } }) => {
    const names: Record<string, string> = drawNumber ? { ...DRAW_TICKET_NUMBER.names } : {};
    const values: Record<string, unknown> = drawNumber ? { ...DRAW_TICKET_NUMBER.values } : {};
    const clause = (changes: CounterChange[], prefix: string, operator: string) => changes.map(([expertId, counter, value], i) => {
      names[`#${prefix}${i}`] = counterAttributes(expertId)[counter];
      values[`:${prefix}${i}`] = value;
      return `#${prefix}${i}${operator}:${prefix}${i}`;
    });
    const sets = [...(drawNumber ? [DRAW_TICKET_NUMBER.set] : []), ...clause(set, 's', ' = ')];
    const adds = clause(add, 'a', ' ');
    if (loadStill) {
      names['#seen'] = counterAttributes(loadStill.expertId).load;
      values[':seen'] = loadStill.load;
    }
    const { Attributes } = await db.send(new UpdateCommand({
      TableName: tableName, Key: TICKET_COUNTER_KEY,
      UpdateExpression: `${sets.length ? `SET ${sets.join(', ')} ` : ''}${adds.length ? `ADD ${adds.join(', ')}` : ''}`,
      // An expert never counted reads as 0.
      ...(loadStill ? { ConditionExpression: loadStill.load === 0 ? 'attribute_not_exists(#seen) OR #seen = :seen' : '#seen = :seen' } : {}),
      ExpressionAttributeNames: names, ExpressionAttributeValues: values, ReturnValues: 'ALL_NEW',
    }));
    return Attributes;
  };
}

export function dynamoRoutingStore(db: DynamoDBDocumentClient, tableName: string): RoutingStore {
  const change = counterChanges(db, tableName);
  const counterItem = async () => (await db.send(new GetCommand({ TableName: tableName, Key: TICKET_COUNTER_KEY, ConsistentRead: true }))).Item;

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

    async roster() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      const counted = counterItem();
      do {
        const page = await db.send(new QueryCommand({
          TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': ROSTER_PARTITION },
          ConsistentRead: true, ExclusiveStartKey: start,
        }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      const counters = countersIn(await counted);
      const entries = items.map((item) => toEntry(item, counters.get(String(item.expertId))));
      for (const [expertId, expert] of counters) if (!items.some((item) => item.expertId === expertId)) entries.push(toEntry({ expertId }, expert));
      return entries;
    },

    async claim(expertId, weight, at) {
      const item = await change({ add: [[expertId, 'load', weight], [expertId, 'openTickets', 1]], set: [[expertId, 'lastAssignedAt', at]], drawNumber: true });
      return { number: DRAW_TICKET_NUMBER.numberIn(item), counters: countersIn(item) };
    },

    async move(from, to, weight, at) {
      return countersIn(await change({ add: [[from, 'load', -weight], [from, 'openTickets', -1], [to, 'load', weight], [to, 'openTickets', 1]], set: [[to, 'lastAssignedAt', at]] }));
    },

    async adjust(expertId, load, openTickets) {
      await change({ add: [[expertId, 'load', load], [expertId, 'openTickets', openTickets]] });
    },

  };
}
