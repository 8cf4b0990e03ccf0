import { describe, expect, it } from 'vitest';
import { TOPICS, TOPIC_IDS, isTopicId } from '../../functions/core/topics.ts';

describe('the topic catalogue (content/topics.json)', () => {
  it('names each topic once, by a kebab-case id, with a title', () => {
    expect(TOPIC_IDS.length).toBeGreaterThan(0);
    expect(new Set(TOPIC_IDS).size).toBe(TOPIC_IDS.length);
    for (const topic of TOPICS) {
      expect(topic.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(topic.title.trim()).not.toBe('');
    }
  });

  it('is what the functions accept as a topic', () => {
    expect(isTopicId('slurm-basics')).toBe(true);
    expect(isTopicId('not-a-topic')).toBe(false);
  });
});
