// `npm run bench:site`: site build time, search index size and time to first search results in
// headless Chromium, at 1,000 and 5,000 generated guides, against the targets and MkDocs Material.
// Options: --sizes 1000,5000  --runs 5  --no-ladder
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createSiteApp } from '../../site/server.ts';
import type { FileSize } from '../../site/src/build/buildSite.ts';
import type { SearchManifest } from '../../site/src/search/types.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { writeCorpus } from './corpus.ts';
import { timeBuild } from './build.ts';
import { BENCH_QUERY, firstResultsMs, type FirstResults } from './firstResults.ts';
import { indexLadder, type LadderStep } from './ladder.ts';
import { engineTiming, type EngineTiming } from './engineTiming.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,5000' }, runs: { type: 'string', default: '5' }, 'no-ladder': { type: 'boolean', default: false } },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

// The anchor, measured on this machine (issue 4), and the targets.
const MKDOCS: Record<number, { buildS: number; indexMB: number; firstS: number }> = {
  1000: { buildS: 14, indexMB: 1.6, firstS: 4.3 },
  5000: { buildS: 215, indexMB: 8.1, firstS: 22 },
};
const TARGETS: Record<number, { buildS: number; indexMB?: number; firstS: number }> = {
  1000: { buildS: 3, indexMB: 1, firstS: 0.5 },
  5000: { buildS: 15, firstS: 2 },
};

interface Row {
  n: number;
  sections: number;
  markdownMB: number;
  buildWallS: number;
  buildInProcessS: number;
  buildCpuS: number;
  index: FileSize;
  docs: FileSize;
  first: FirstResults;
  buildPhases: string;
  engine: EngineTiming;
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(2);
const s = (ms: number) => (ms / 1000).toFixed(2);

async function fileSizes(file: string): Promise<FileSize> {
  const data = await readFile(file);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

async function measure(n: number, work: string, ladder: LadderStep[][]): Promise<Row> {
  const contentDir = path.join(work, `content-${n}`);
  const outDir = path.join(work, `site-${n}`);
  console.error(`\n[bench:site] N=${n}: generating the corpus…`);
  const { bytes } = await writeCorpus(contentDir, { n });
  console.error(`[bench:site] N=${n}: building…`);
  const build = await timeBuild(repoRoot, contentDir, outDir);
  console.error(`  ${build.output}`);
  const manifest = JSON.parse(await readFile(path.join(outDir, 'search/manifest.json'), 'utf8')) as SearchManifest;
  const index = await fileSizes(path.join(outDir, manifest.index));
  const docs = await fileSizes(path.join(outDir, manifest.docs));
  const sections = (JSON.parse(await readFile(path.join(outDir, manifest.docs), 'utf8')) as { sections: { guide: number[] } }).sections.guide.length;

  console.error(`[bench:site] N=${n}: first results in Chromium (${runs} cold runs)…`);
  const app = createSiteApp(outDir);
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const browser = await launchChromium();
  let first;
  try {
    first = await firstResultsMs(browser, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, runs);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  const engine = await engineTiming(outDir, BENCH_QUERY);
  if (!values['no-ladder'] && n === sizes[0]) {
    console.error(`[bench:site] N=${n}: index engineering steps…`);
    ladder.push(await indexLadder(contentDir));
  }
  const buildPhases = /phases \(ms\): (.*)$/.exec(build.output)?.[1] ?? '';
  return { n, sections, markdownMB: bytes / 1e6, buildWallS: build.wallMs / 1000, buildInProcessS: build.inProcessMs / 1000, buildCpuS: build.cpuMs / 1000, index, docs, first, buildPhases, engine };
}

function printTable(rows: Row[], ladder: LadderStep[][]): void {
  const lines: string[] = [];
  const pad = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  lines.push(`\nMachine: ${cpus().length} cores, load average now ${load} (build wall times depend on it; build CPU much less)`);
  lines.push(`Site build and search benchmark (query "${BENCH_QUERY}" typed at DOMContentLoaded; first results = median of ${runs} cold loads, headless Chromium)`);
  lines.push(pad(['guides', 'sections', 'markdown', 'build (command)', 'build (in process)', 'build CPU', 'index raw', 'index gzip', '+ docs table gzip', 'first results (median)', 'runs (ms)', 'with snippets (median)']));
  lines.push(pad(Array(12).fill('---')));
  for (const row of rows) {
    lines.push(pad([
      String(row.n), String(row.sections), `${row.markdownMB.toFixed(1)} MB`, `${s(row.buildWallS * 1000)} s`, `${s(row.buildInProcessS * 1000)} s`, `${s(row.buildCpuS * 1000)} s`,
      `${mb(row.index.raw)} MB`, `${mb(row.index.gzip)} MB`, `${mb(row.docs.gzip)} MB`, `${Math.round(row.first.median)} ms`, row.first.runs.map(Math.round).join(' '), `${Math.round(row.first.completeMedian)} ms`,
    ]));
  }
  lines.push('\nAgainst the targets and the anchor (MkDocs Material on this machine, from issue 4):');
  lines.push(pad(['guides', 'build: ours / target / MkDocs', 'index gzip (index + docs): ours / target / MkDocs', 'first results: ours / target / MkDocs', 'verdict']));
  lines.push(pad(Array(5).fill('---')));
  for (const row of rows) {
    const target = TARGETS[row.n];
    const anchor = MKDOCS[row.n];
    const shipped = row.index.gzip + row.docs.gzip;
    const ok = target
      ? row.buildWallS <= target.buildS && (target.indexMB === undefined || shipped <= target.indexMB * 1e6) && row.first.median <= target.firstS * 1000
      : undefined;
    lines.push(pad([
      String(row.n),
      `${row.buildWallS.toFixed(2)} s / ${target ? `≤ ${target.buildS} s` : '-'} / ${anchor ? `${anchor.buildS} s` : '-'}`,
      `${mb(shipped)} MB / ${target?.indexMB ? `≤ ${target.indexMB} MB` : '-'} / ${anchor ? `${anchor.indexMB} MB` : '-'}`,
      `${Math.round(row.first.median)} ms / ${target ? `≤ ${target.firstS * 1000} ms` : '-'} / ${anchor ? `${anchor.firstS * 1000} ms` : '-'}`,
      ok === undefined ? 'no target' : ok ? 'meets targets' : 'MISSES a target',
    ]));
  }
  lines.push('\nThe worker\'s own costs (same code, in Node): make the index queryable, first query cold, then typing ("g", "gp", … "gpu memory errors" and three other queries):');
  lines.push(pad(['guides', 'load', 'first query (cold)', 'typing: median', 'typing: slowest']));
  lines.push(pad(Array(5).fill('---')));
  for (const row of rows) {
    const e = row.engine;
    lines.push(pad([String(row.n), `${Math.round(e.loadMs)} ms`, `${Math.round(e.firstQueryMs)} ms`, `${e.warmMedianMs.toFixed(1)} ms`, `${Math.round(e.warmMaxMs)} ms`]));
  }
  for (const steps of ladder) {
    lines.push(`\nWhat each index step bought at ${rows[0]?.n} guides (same section documents; load = parse and make queryable in Node):`);
    lines.push(pad(['step', 'raw', 'gzip', 'load']));
    lines.push(pad(Array(4).fill('---')));
    for (const step of steps) lines.push(pad([step.step, `${mb(step.raw)} MB`, `${mb(step.gzip)} MB`, step.loadMs === null ? 'n/a (vectors must be rebuilt)' : `${Math.round(step.loadMs)} ms`]));
  }
  for (const row of rows) {
    lines.push(`\nN=${row.n}: build phases (ms, in process): ${row.buildPhases}; first suggestion for "${BENCH_QUERY}": ${row.first.firstResult}`);
  }
  console.log(lines.join('\n'));
}

const work = await mkdtemp(path.join(tmpdir(), 'bench-site-'));
try {
  const ladder: LadderStep[][] = [];
  const rows: Row[] = [];
  for (const n of sizes) rows.push(await measure(n, work, ladder));
  printTable(rows, ladder);
} finally {
  await rm(work, { recursive: true, force: true });
}
