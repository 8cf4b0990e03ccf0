// The knowledge-base topics' titles, for pages that show topic ids to people (one source: content/topics.json).
import { TOPICS, type TopicId } from '../../../functions/core/topics.ts';

export const TOPIC_TITLES: Readonly<Record<TopicId, string>> = Object.fromEntries(TOPICS.map((topic) => [topic.id, topic.title]));
