import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/site/corpus.ts';
import { generateCorpus } from '../../bench/site/corpus/guide.ts';
import { loadContent } from '../../site/src/build/content.ts';
import { splitGuide } from '../content/guide-markdown.ts';
import { guideFrontMatterSchema } from '../content/guide-schema.ts';

const temp = await mkdtemp(path.join(tmpdir(), 'corpus-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

describe("the benchmarks' synthetic corpus (bench/site/corpus)", () => {
  it('is the same for the same n and seed, and another for another seed', () => {
    const a = generateCorpus({ n: 40, seed: 7 });
    expect(generateCorpus({ n: 40, seed: 7 })).toEqual(a);
    expect(generateCorpus({ n: 40, seed: 8 }).map((g) => g.markdown)).not.toEqual(a.map((g) => g.markdown));
    // Guide i does not depend on how many are generated.
    expect(generateCorpus({ n: 10, seed: 7 })).toEqual(a.slice(0, 10));
  });

  it('writes guides in the real guides\' front-matter schema, with sections, code and tables', () => {
    const guides = generateCorpus({ n: 60, seed: 42 });
    expect(new Set(guides.map((g) => g.slug)).size).toBe(60);
    for (const guide of guides) {
      const { frontMatter, body } = splitGuide(guide.markdown);
      const checked = guideFrontMatterSchema.safeParse(frontMatter);
      expect(checked.success, `${guide.path}: ${checked.error?.message}`).toBe(true);
      expect(body).toMatch(/^## /m);
    }
    const all = guides.map((g) => g.markdown).join('\n');
    for (const feature of [/^### /m, /^```bash$/m, /^```python$/m, /^\| Partition \|/m, /^1\. /m, /^- /m, /#SBATCH/]) expect(all).toMatch(feature);
  });

  it('is a content folder the site build reads without a problem', async () => {
    const { files } = await writeCorpus(temp, { n: 24, seed: 3 });
    expect(files).toBe(24);
    const folders = await readdir(path.join(temp, 'guides'));
    expect(folders.length).toBeGreaterThan(1);
    const content = await loadContent(temp);
    expect(content.guides).toHaveLength(24);
    const first = generateCorpus({ n: 1, seed: 3 })[0]!;
    expect(await readFile(path.join(temp, 'guides', first.path), 'utf8')).toBe(first.markdown);
  });
});
