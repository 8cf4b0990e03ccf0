// The knowledge-base topics' titles and categories, for pages that show topic ids to people (one source: content/topics.ts).
import { TOPIC_CATEGORIES, TOPIC_IDS } from '../../../functions/core/topics.ts';

export { TOPIC_TITLES } from '../../../functions/core/topics.ts';

/** Topic ids by the ticket category an expert of that topic handles. */
export function topicsOfCategory(category: string): string[] {
  return TOPIC_IDS.filter((id) => TOPIC_CATEGORIES[id] === category);
}
