import { ANY, type KeySpace } from '../core/table.ts';

/**
 * Where the reading counters live: one partition per day and kind, one item per normalised query (searches) or
 * per guide and reason (feedback). Nothing in a key or an item names a reader.
 */
export const searchCountersKey = (day: string, query: string) => ({ pk: searchDayPartition(day), sk: `QUERY#${query}` });
export const feedbackCountersKey = (day: string, guide: string, reason: string) => ({ pk: feedbackDayPartition(day), sk: `GUIDE#${guide}#${reason}` });
export const searchDayPartition = (day: string) => `ANALYTICS#SEARCH#${day}`;
export const feedbackDayPartition = (day: string) => `ANALYTICS#FEEDBACK#${day}`;

export function analyticsKeySpace(): KeySpace {
  return { module: 'analytics', items: [searchCountersKey(ANY, ANY), feedbackCountersKey(ANY, ANY, ANY)], partitions: {} };
}
