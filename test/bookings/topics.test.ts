import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { TOPIC_IDS, TOPIC_TITLES, isTopicId } from '../../functions/core/topics.ts';

describe('the topic catalogue (content/topics.ts)', () => {
  it('names each topic once, by a kebab-case id, with a title', () => {
    expect(TOPIC_IDS.length).toBeGreaterThan(0);
    expect(new Set(TOPIC_IDS).size).toBe(TOPIC_IDS.length);
    for (const id of TOPIC_IDS) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(TOPIC_TITLES[id].trim()).not.toBe('');
    }
  });

  it('is what the functions accept as a topic', () => {
    expect(isTopicId('slurm-basics')).toBe(true);
    expect(isTopicId('not-a-topic')).toBe(false);
  });

  // The titles are for people on the site; a Lambda bundle that checks topic ids must not carry them (bundle budget).
  it('leaves the titles out of a bundle that only checks ids', async () => {
    const result = await build({
      stdin: { contents: "import { isTopicId } from './functions/core/topics.ts'; export const check = isTopicId;", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain(TOPIC_IDS[0]);
    expect(code).not.toContain(TOPIC_TITLES[TOPIC_IDS[0]]);
  });
});
