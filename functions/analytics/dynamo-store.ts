import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../core/query.ts';
import { TTL_ATTRIBUTE } from '../core/table.ts';
import type { FeedbackCounters, SearchCounters } from './domain/report.ts';
import { expiresAtOf } from './domain/retention.ts';
import { feedbackCountersKey, feedbackDayPartition, searchCountersKey, searchDayPartition } from './keys.ts';
import type { AnalyticsStore } from './store.ts';

/** How many days are read at once for a report (one Query each). */
const PARALLEL_DAYS = 8;

const count = (value: unknown) => (typeof value === 'number' ? value : 0);

async function perDay<T>(days: readonly string[], read: (day: string) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < days.length; i += PARALLEL_DAYS) out.push(...(await Promise.all(days.slice(i, i + PARALLEL_DAYS).map(read))).flat());
  return out;
}

/**
 * Counters on the table: each event is one UpdateItem that ADDs to its day's counter (created on first use),
 * conditional on the item being that day's, so no event ever becomes an item of its own.
 */
export function dynamoAnalyticsStore(db: DynamoDBDocumentClient, tableName: string): AnalyticsStore {
  const add = (key: { pk: string; sk: string }, day: string, set: Record<string, unknown>, counters: Record<string, number>) => {
    const names: Record<string, string> = { '#day': 'day', '#ttl': TTL_ATTRIBUTE };
    const values: Record<string, unknown> = { ':day': day, ':ttl': expiresAtOf(day) };
    const sets = ['#day = :day', '#ttl = :ttl'];
    for (const [i, [name, value]] of Object.entries(set).entries()) {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      sets.push(`#s${i} = :s${i}`);
    }
    const adds = Object.entries(counters).map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} :a${i}`;
    });
    return db.send(new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ConditionExpression: 'attribute_not_exists(pk) OR #day = :day',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }));
  };

  return {
    async addSearch(event) {
      const counters: Record<string, number> = event.kind === 'shown'
        ? { searches: 1, empty: event.results === 0 ? 1 : 0 }
        : { opens: 1, positions: event.position };
      await add(searchCountersKey(event.day, event.query), event.day, { query: event.query }, counters);
    },

    async addFeedback(event) {
      await add(feedbackCountersKey(event.day, event.guide, event.reason), event.day, { guide: event.guide, reason: event.reason },
        event.helpful ? { helpful: 1 } : { unhelpful: 1 });
    },

    searches(days) {
      return perDay(days, async (day): Promise<SearchCounters[]> => (await queryAll(db, {
        TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': searchDayPartition(day) },
      })).map((item) => ({ day, query: String(item.query), searches: count(item.searches), empty: count(item.empty), opens: count(item.opens), positions: count(item.positions) })));
    },

    feedback(days) {
      return perDay(days, async (day): Promise<FeedbackCounters[]> => (await queryAll(db, {
        TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': feedbackDayPartition(day) },
      })).map((item) => ({ day, guide: String(item.guide), reason: String(item.reason ?? ''), helpful: count(item.helpful), unhelpful: count(item.unhelpful) })));
    },
  };
}
