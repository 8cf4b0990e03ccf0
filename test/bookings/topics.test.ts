import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../functions/core/topics.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('topic ids kept in code', () => {
  it('equal the ids of ../shared/topics.json, in order', () => {
    const shared = JSON.parse(readFileSync(resolve(repoRoot, '../shared/topics.json'), 'utf8')) as { topics: Array<{ id: string }> };
    expect([...TOPIC_IDS]).toEqual(shared.topics.map((topic) => topic.id));
  });
});
