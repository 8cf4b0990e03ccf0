// The worker's own costs, measured in Node on the built files (same code as the worker): making
// the index queryable, the first (cold) query, and warm queries while typing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SearchEngine } from '../../site/src/search/engine.ts';
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
  const bytes = new Uint8Array(await readFile(path.join(siteDir, manifest.index)));
  const docs = JSON.parse(await readFile(path.join(siteDir, manifest.docs), 'utf8')) as DocsTable;
  let started = performance.now();
  const engine = new SearchEngine(bytes, docs);
  const loadMs = performance.now() - started;
  started = performance.now();
  engine.search(firstQuery, { limit: 8 });
  const firstQueryMs = performance.now() - started;
  const warm = TYPED.map((text) => {
    const start = performance.now();
    engine.search(text, { limit: 8 });
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return { loadMs, firstQueryMs, warmMedianMs: warm[warm.length >> 1] ?? 0, warmMaxMs: warm[warm.length - 1] ?? 0 };
}
