import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SearchEngine } from './site/src/search/engine.ts';
import { ShardLoader } from './site/src/search/shards.ts';
const siteDir = '/tmp/i18/s1000';
const manifest = JSON.parse(await readFile(path.join(siteDir, 'search/manifest.json'), 'utf8'));
const head = new Uint8Array(await readFile(path.join(siteDir, manifest.index)));
const docs = JSON.parse(await readFile(path.join(siteDir, manifest.docs), 'utf8'));
const engine: any = new SearchEngine(head, docs);
const shards = new ShardLoader(engine.indexData, manifest.shardBytes, async (n) => new Uint8Array(await readFile(path.join(siteDir, `${manifest.postings}${n}.bin`))));
for (const q of ['gpu memory errors', 'slurm job arrays', 'lustre striping', 'nccl tuning', 'gpu', 'g']) {
await shards.ensure(engine.termsFor(q));
const plan = engine.plan(q);
const planned = plan.allPlanned.filter((w: any) => w.clauses.length > 0);
const only = engine.sectionsWithAllWords(planned);
const t = performance.now();
const c1 = engine.evaluate(planned, true);
const t1 = performance.now();
const c2 = engine.evaluate(planned, false);
const t2 = performance.now();
console.log(q, 'only', only.size, 'narrow', c1.length, (t1 - t).toFixed(1), 'ms; full', c2.length, (t2 - t1).toFixed(1), 'ms', planned.map((w: any) => w.clauses.length));
}
