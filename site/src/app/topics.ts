// The knowledge-base topics' titles, for pages that show topic ids to people (one source: content/topics.ts).
export { TOPIC_TITLES } from '../../../functions/core/topics.ts';
