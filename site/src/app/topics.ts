// The knowledge-base topics' titles, for pages that show topic ids to people (one source: content/topics.json).
import { TOPICS, type TopicId } from '../../../functions/core/topics.ts';

export const TOPIC_TITLES: Readonly<Record<TopicId, string>> = Object.fromEntries(TOPICS.map((topic) => [topic.id, topic.title]));

/** Topic ids by the ticket category an expert of that topic handles (content/topics.json). */
export function topicsOfCategory(category: string): string[] {
  return TOPICS.filter((topic) => topic.category === category).map((topic) => topic.id);
}
