// What each index engineering step buys, on the same section documents: sizes (raw, gzip) and the
// time to make the index queryable in Node (a proxy for the worker's load time; fastest of three).
import { gzipSync } from 'node:zlib';
import { lunr } from '../../site/src/search/lunr.ts';
import { loadContent } from '../../site/src/build/content.ts';
import { buildModel } from '../../site/src/build/model.ts';
import { buildIndexContent } from '../../site/src/search/indexer.ts';
import { decodeIndex, encodeIndex } from '../../site/src/search/format.ts';
import { LazyIndex } from '../../site/src/search/lazyIndex.ts';
import type { SectionFields } from '../../site/src/search/fields.ts';
import { postingShards, SHARD_BYTES, splitIndex } from '../../site/src/search/shards.ts';
import { SearchEngine } from '../../site/src/search/engine.ts';
import { BENCH_QUERY } from './firstResults.ts';

export interface LadderStep {
  step: string;
  raw: number;
  gzip: number;
  loadMs: number | null;
}

/** Fastest of three runs: the heap left by the previous step must not be charged to this one. */
function timed<T>(run: () => T): [T, number] {
  let result: T | undefined;
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    result = run();
    best = Math.min(best, performance.now() - started);
  }
  return [result as T, best];
}

export async function indexLadder(contentDir: string): Promise<LadderStep[]> {
  const model = buildModel(await loadContent(contentDir));
  const sections = model.guides.flatMap((guide) =>
    guide.rendered.sections.map((section, i) => ({ guide, section, first: i === 0 })),
  );
  const steps: LadderStep[] = [];
  const measureJson = (step: string, index: object, load: ((json: string) => unknown) | null) => {
    const json = JSON.stringify(index);
    const loadMs = load ? timed(() => load(json))[1] : null;
    steps.push({ step, raw: Buffer.byteLength(json), gzip: gzipSync(json).length, loadMs });
  };

  // 0. What a straightforward setup ships: lunr with string refs ("guides/x/#anchor") and word
  //    positions kept for highlighting, serialized with lunr's toJSON.
  const naive = lunr(function () {
    this.ref('location');
    this.field('title', { boost: 10 });
    this.field('text');
    this.metadataWhitelist = ['position'];
    for (const { guide, section } of sections) {
      this.add({ location: `guides/${guide.slug}/#${section.anchor}`, title: section.heading || guide.meta.title, text: section.text });
    }
  });
  measureJson('lunr JSON: string refs, positions', naive, (json) => lunr.Index.load(JSON.parse(json)));

  // 1. Numeric refs and no per-posting metadata: the postings become {ref: {}}.
  const lean = lunr(function () {
    this.ref('id');
    this.field('title', { boost: 10 });
    this.field('text');
    sections.forEach(({ guide, section }, id) => this.add({ id: String(id), title: section.heading || guide.meta.title, text: section.text }));
  });
  measureJson('+ numeric refs, no positions', lean, (json) => lunr.Index.load(JSON.parse(json)));

  // 2. Without the per-field document vectors (recomputable from the postings).
  const withoutVectors = { ...(lean.toJSON() as unknown as Record<string, unknown>), fieldVectors: [] };
  measureJson('+ field vectors dropped', withoutVectors, null);

  // 3. Ours: front-coded dictionary, delta-varint postings with term frequencies, lazy lunr index.
  const documents: SectionFields[] = sections.map(({ guide, section, first }) =>
    first
      ? { title: guide.meta.title, tags: guide.meta.tags.join(' '), summary: guide.meta.summary, heading: section.heading, body: section.text }
      : { heading: section.heading, guide: guide.meta.title, body: section.text },
  );
  const bytes = encodeIndex(buildIndexContent(documents));
  const [, loadMs] = timed(() => new LazyIndex(decodeIndex(bytes)));
  steps.push({ step: '+ compact binary postings', raw: bytes.length, gzip: gzipSync(bytes).length, loadMs });

  // 4. Postings in shards of consecutive terms: a first query needs the head and its terms' shards.
  const { head, shards } = splitIndex(bytes);
  const engine = new SearchEngine(bytes, { guides: [], sections: { guide: [], anchor: [], heading: [] } });
  const ranges = postingShards(engine.indexData, SHARD_BYTES);
  const needed = new Set(engine.termsFor(BENCH_QUERY).map((term) => ranges.findIndex((range) => range.firstTerm <= term && term < range.endTerm)));
  const [, headLoadMs] = timed(() => new LazyIndex(decodeIndex(head)));
  const firstShards = [...needed].map((number) => shards[number] as Uint8Array);
  steps.push({
    step: `+ postings in ${shards.length} shards (shipped): head + the ${needed.size} shards "${BENCH_QUERY}" needs`,
    raw: head.length + firstShards.reduce((sum, shard) => sum + shard.length, 0),
    gzip: gzipSync(head).length + firstShards.reduce((sum, shard) => sum + gzipSync(shard).length, 0),
    loadMs: headLoadMs,
  });
  return steps;
}
