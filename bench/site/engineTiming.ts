// The worker's own costs, measured in Node on the built files (same code as the worker): making
// the index head queryable, the first (cold) query with the postings shards it needs read from
// disk, and warm queries while typing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SearchEngine } from '../../site/src/search/engine.ts';
import { ShardLoader } from '../../site/src/search/shards.ts';
import type { DocsTable, SearchManifest } from '../../site/src/search/types.ts';

const TYPED = ['g', 'gp', 'gpu', 'gpu m', 'gpu mem', 'gpu memory', 'gpu memory e', 'gpu memory err', 'gpu memory errors', 'slurm job arrays', 'lustre striping', 'nccl tuning'];

export interface EngineTiming {
  loadMs: number;
  firstQueryMs: number;
  warmMedianMs: number;
  warmMaxMs: number;
}

export async function engineTiming(siteDir: string, firstQuery: string): Promise<EngineTiming> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'search/manifest.json'), 'utf8')) as SearchManifest;
  const head = new Uint8Array(await readFile(path.join(siteDir, manifest.index)));
  const docs = JSON.parse(await readFile(path.join(siteDir, manifest.docs), 'utf8')) as DocsTable;
  let started = performance.now();
  const engine = new SearchEngine(head, docs);
  const shards = new ShardLoader(engine.indexData, manifest.shardBytes, async (number) => new Uint8Array(await readFile(path.join(siteDir, `${manifest.postings}${number}.bin`))));
  const search = async (text: string) => {
    await shards.ensure(engine.termsFor(text));
    engine.search(text, { limit: 8 });
  };
  const loadMs = performance.now() - started;
  started = performance.now();
  await search(firstQuery);
  const firstQueryMs = performance.now() - started;
  const warm: number[] = [];
  for (const text of TYPED) {
    const start = performance.now();
    await search(text);
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  return { loadMs, firstQueryMs, warmMedianMs: warm[warm.length >> 1] ?? 0, warmMaxMs: warm[warm.length - 1] ?? 0 };
}
