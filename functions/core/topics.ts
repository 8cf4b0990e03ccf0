/**
 * The knowledge-base topics, as the functions know them: the ids they accept and the ticket category each routes to.
 * The catalogue is product data in content/topics.ts (one source for the site, the functions and the tests); a
 * function's bundle keeps only the constants it reads (no titles: nothing here reads TOPIC_TITLES).
 */
import type { TicketCategory } from './catalog.ts';
import { TOPIC_CATEGORIES, TOPIC_IDS, type TopicId } from '../../content/topics.ts';

export { TOPIC_CATEGORIES, TOPIC_IDS, TOPIC_TITLES, type TopicId } from '../../content/topics.ts';

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

/** The ticket category a topic routes to: an expert of a topic handles that category's tickets. */
export function categoryOfTopic(topic: string): TicketCategory | undefined {
  return isTopicId(topic) ? TOPIC_CATEGORIES[topic] : undefined;
}
