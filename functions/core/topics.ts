/**
 * The knowledge-base topics, as the functions know them: the ids they accept. The catalogue is product data in
 * content/topics.ts (ids and titles, one source for the site, the functions and the tests); a function's bundle
 * keeps only the ids, since nothing in it reads TOPIC_TITLES.
 */
import { TOPIC_IDS, type TopicId } from '../../content/topics.ts';

export { TOPIC_IDS, TOPIC_TITLES, type TopicId } from '../../content/topics.ts';

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
