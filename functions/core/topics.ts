import catalogue from '../../content/topics.json' with { type: 'json' };

/**
 * The knowledge-base topics are product data with one source, content/topics.json, which the site, the functions
 * and the tests all read (esbuild inlines it into a function's bundle: ids and titles, about 2 KB).
 */
export const TOPICS: ReadonlyArray<{ id: string; title: string }> = catalogue.topics;

export type TopicId = string;

/** The ids in the catalogue's order, as the non-empty tuple an enum schema needs. */
export const TOPIC_IDS = TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]];

export function isTopicId(value: string): value is TopicId {
  return TOPIC_IDS.includes(value);
}
