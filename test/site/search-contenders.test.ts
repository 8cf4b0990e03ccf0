// lunr scores only the sections that can make the shown results (search/contenders.ts): on a large
// corpus, where common words match thousands of sections, the results must be exactly those of
// scoring every section, for typed prefixes, typos, several words and other languages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/site/corpus.ts';
import { loadContent } from '../../site/src/build/content.ts';
import { buildModel } from '../../site/src/build/model.ts';
import { buildSearchFiles, type SearchFiles } from '../../site/src/build/searchFiles.ts';
import { contenders } from '../../site/src/search/contenders.ts';
import { LazyIndex } from '../../site/src/search/lazyIndex.ts';
import { decodeIndex } from '../../site/src/search/format.ts';
import { FIELDS } from '../../site/src/search/fields.ts';
import { SearchEngine } from '../../site/src/search/engine.ts';

const QUERIES = [
  'gpu memory errors', 'gpu', 'g', 'gp', 'gpu m', 'slurm job arrays', 'lustre striping', 'nccl tuning', 'apptainer container lumi',
  'how do i get access', 'mixed precison training', 'checkpoint', 'conteneur stockage', 'Rechenzeit Speicher', 'cola de trabajo GPU',
  'allocation renewals', 'sbatch', 'scratch purge', 'kubernetes helm chart', 'the', 'pytorch distributed data parallel',
];

let temp: string;
let files: SearchFiles;
let pruned: SearchEngine;
let reference: SearchEngine;

beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'contenders-'));
  await writeCorpus(temp, { n: 300, seed: 42 });
  files = buildSearchFiles(buildModel(await loadContent(temp)));
  pruned = new SearchEngine(files.index, files.docs);
  reference = new SearchEngine(files.index, files.docs, false);
}, 60_000);
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('scoring only the contenders', () => {
  it('gives exactly the results of scoring every matching section', () => {
    for (const text of QUERIES) {
      for (const options of [{ limit: 8 }, { limit: 3, distinctGuides: true }, { limit: 20 }]) {
        const ours = pruned.search(text, options);
        const all = reference.search(text, options);
        expect(ours.map((hit) => [hit.doc, hit.score, hit.wordsMatched, hit.wordsMatchedWell, [...hit.terms].sort()]), `${text} ${JSON.stringify(options)}`).toEqual(
          all.map((hit) => [hit.doc, hit.score, hit.wordsMatched, hit.wordsMatchedWell, [...hit.terms].sort()]),
        );
      }
    }
  });

  it('has common words to prune on this corpus (else the test above proves nothing)', () => {
    const lazy = new LazyIndex(decodeIndex(files.index));
    const english = FIELDS.filter((field) => field.lang === 'en').map((field) => field.name);
    const gpu = { clauses: [{ term: 'gpu', fields: english, boost: 10 }], counts: true, wellMatched: new Set(['gpu']) };
    const matching = lazy.documentsWith('gpu', english).size;
    const kept = contenders(lazy, [gpu], { limit: 8, distinctGuides: false, guideOf: files.docs.sections.guide });
    expect(matching).toBeGreaterThan(500);
    expect(kept?.size).toBeGreaterThanOrEqual(8);
    expect(kept?.size).toBeLessThan(20);
  });
});
