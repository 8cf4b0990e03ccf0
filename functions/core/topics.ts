import type { TicketCategory } from './catalog.ts';
import catalogue from '../../content/topics.json' with { type: 'json' };

/**
 * The knowledge-base topics are product data with one source, content/topics.json, which the site, the functions
 * and the tests all read (esbuild inlines it into a function's bundle: ids, titles and categories, about 3 KB).
 */
export const TOPICS: ReadonlyArray<{ id: string; title: string; category: TicketCategory }> = catalogue.topics as ReadonlyArray<{ id: string; title: string; category: TicketCategory }>;

/** The ticket category a topic routes to: an expert of a topic handles that category's tickets. */
export function categoryOfTopic(topic: string): TicketCategory | undefined {
  return TOPICS.find((entry) => entry.id === topic)?.category;
}

export type TopicId = string;

/** The ids in the catalogue's order, as the non-empty tuple an enum schema needs. */
export const TOPIC_IDS = TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]];

export function isTopicId(value: string): value is TopicId {
  return TOPIC_IDS.includes(value);
}
