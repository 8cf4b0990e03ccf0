// `npm run bench:site`: site build time, search index size, time to first search results in headless
// Chromium and the bytes downloaded before them, at 1,000 and 5,000 generated guides, against the
// targets and MkDocs Material built from the same guides in the same run (when `mkdocs` is installed).
// Options: --sizes 1000,5000  --runs 5  --builds 3  --no-ladder  --no-mkdocs
// Build time is the median of --builds builds, each into a new folder, each after the disk has settled
// (settle.ts: file creation right after mass deletions is many times slower here). Nothing is deleted until the end:
// on this ext4 file system, creating files right after thousands were deleted costs several times more
// (the kernel's inode allocator steps over recently deleted inodes), which would time the previous
// step's clean-up rather than the build; MkDocs Material gets the same conditions.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { FileSize } from '../../site/src/build/buildSite.ts';
import type { SearchManifest } from '../../site/src/search/types.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { writeCorpus } from './corpus.ts';
import { timeBuild, type BuildTiming } from './build.ts';
import { settleFileSystem } from './settle.ts';
import { BENCH_QUERY, firstResultsMs, MKDOCS_MATERIAL_SEARCH, OUR_SEARCH, type FirstResults, type SearchUi } from './firstResults.ts';
import { indexLadder, type LadderStep } from './ladder.ts';
import { engineTiming, type EngineTiming } from './engineTiming.ts';
import { serveSite } from './serve.ts';
import { buildWithMkdocs, MKDOCS_INSTALL_HINT, mkdocsVersion } from './mkdocs.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    runs: { type: 'string', default: '5' },
    builds: { type: 'string', default: '3' },
    'no-ladder': { type: 'boolean', default: false },
    'no-mkdocs': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const builds = Math.max(1, Number(values.builds));
const mkdocs = values['no-mkdocs'] ? null : mkdocsVersion();

// Issue 18's targets (build: the `npm run build:site` command, wall clock).
const TARGETS: Record<number, { buildS?: number; bytesKB?: number; firstMs: number }> = {
  1000: { buildS: 1.5, bytesKB: 400, firstMs: 300 },
  5000: { firstMs: 1000 },
};

interface Row {
  n: number;
  sections: number;
  markdownMB: number;
  buildWallS: number;
  /** every build's wall time, in order */
  buildRunsS: number[];
  buildInProcessS: number;
  buildCpuS: number;
  index: FileSize;
  postings: FileSize;
  docs: FileSize;
  first: FirstResults;
  buildPhases: string;
  /** before each timed build: how fast creating files was (settle.ts) */
  disk: string[];
  engine: EngineTiming;
  mkdocs?: { buildS: number; first: FirstResults };
}

const mb = (bytes: number) => (bytes / 1_000_000).toFixed(2);
const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
const s = (ms: number) => (ms / 1000).toFixed(2);

async function fileSizes(file: string): Promise<FileSize> {
  const data = await readFile(file);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** all the .bin files of a folder (the postings shards) */
async function folderSizes(folder: string): Promise<FileSize> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.bin'));
  const sizes = await Promise.all(files.map((name) => fileSizes(path.join(folder, name))));
  return { raw: sizes.reduce((sum, size) => sum + size.raw, 0), gzip: sizes.reduce((sum, size) => sum + size.gzip, 0) };
}

async function firstResultsOn(browser: Browser, siteDir: string, ui: SearchUi): Promise<FirstResults> {
  const site = await serveSite(siteDir);
  try {
    return await firstResultsMs(browser, site, ui, runs);
  } finally {
    await site.close();
  }
}

async function measure(n: number, work: string, browser: Browser, ladder: LadderStep[][]): Promise<Row> {
  const contentDir = path.join(work, `content-${n}`);
  const outDir = path.join(work, `site-${n}`);
  console.error(`\n[bench:site] N=${n}: generating the corpus…`);
  const { bytes } = await writeCorpus(contentDir, { n });
  console.error(`[bench:site] N=${n}: building (${builds} times)…`);
  const timings: BuildTiming[] = [];
  const disk: string[] = [];
  for (let i = 0; i < builds; i++) {
    disk.push(await settleFileSystem(work));
    timings.push(await timeBuild(repoRoot, contentDir, i === 0 ? outDir : `${outDir}-${i}`));
    console.error(`  ${timings.at(-1)!.output.split('\n')[0]}`);
  }
  const build = [...timings].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((timings.length - 1) / 2)]!;
  const manifest = JSON.parse(await readFile(path.join(outDir, 'search/manifest.json'), 'utf8')) as SearchManifest;
  const index = await fileSizes(path.join(outDir, manifest.index));
  const postings = await folderSizes(path.join(outDir, manifest.postings));
  const docs = await fileSizes(path.join(outDir, manifest.docs));
  const sections = (JSON.parse(await readFile(path.join(outDir, manifest.docs), 'utf8')) as { sections: { guide: number[] } }).sections.guide.length;

  console.error(`[bench:site] N=${n}: first results in Chromium (${runs} cold runs)…`);
  const first = await firstResultsOn(browser, outDir, OUR_SEARCH);
  const engine = await engineTiming(outDir, BENCH_QUERY);
  if (!values['no-ladder'] && n === sizes[0]) {
    console.error(`[bench:site] N=${n}: index engineering steps…`);
    ladder.push(await indexLadder(contentDir));
  }
  let anchor: Row['mkdocs'];
  if (mkdocs) {
    console.error(`[bench:site] N=${n}: MkDocs Material on the same guides: building…`);
    disk.push(`MkDocs: ${await settleFileSystem(work)}`);
    const built = await buildWithMkdocs(contentDir, path.join(work, `mkdocs-${n}`));
    console.error(`[bench:site] N=${n}: MkDocs Material: first results in Chromium (${runs} cold runs)…`);
    anchor = { buildS: built.wallMs / 1000, first: await firstResultsOn(browser, built.siteDir, MKDOCS_MATERIAL_SEARCH) };
  }
  const buildPhases = /phases \(ms\): (.*)$/m.exec(build.output)?.[1] ?? '';
  return {
    n, sections, markdownMB: bytes / 1e6, buildWallS: build.wallMs / 1000, buildRunsS: timings.map((timing) => timing.wallMs / 1000), buildInProcessS: build.inProcessMs / 1000, buildCpuS: build.cpuMs / 1000,
    index, postings, docs, first, buildPhases, disk, engine, ...(anchor ? { mkdocs: anchor } : {}),
  };
}

function printTable(rows: Row[], ladder: LadderStep[][]): void {
  const lines: string[] = [];
  const pad = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  lines.push(`\nMachine: ${cpus().length} cores, load average now ${load} (build wall times depend on it; build CPU much less)`);
  lines.push(`Site build and search benchmark (query "${BENCH_QUERY}" typed at DOMContentLoaded; first results = median of ${runs} cold loads, headless Chromium; bytes = everything the server sent before them, compressed as sent)`);
  lines.push(pad(['guides', 'sections', 'markdown', 'build (command, median)', 'builds (s)', 'build (in process)', 'build CPU', 'index head gzip', 'postings gzip (all shards)', 'docs table gzip', 'bytes before first results', 'first results (median)', 'runs (ms)', 'with snippets (median)']));
  lines.push(pad(Array(14).fill('---')));
  for (const row of rows) {
    lines.push(pad([
      String(row.n), String(row.sections), `${row.markdownMB.toFixed(1)} MB`, `${s(row.buildWallS * 1000)} s`, row.buildRunsS.map((runS) => runS.toFixed(2)).join(' '), `${s(row.buildInProcessS * 1000)} s`, `${s(row.buildCpuS * 1000)} s`,
      `${mb(row.index.gzip)} MB`, `${mb(row.postings.gzip)} MB`, `${mb(row.docs.gzip)} MB`, kb(row.first.bytesBeforeMedian),
      `${Math.round(row.first.median)} ms`, row.first.runs.map(Math.round).join(' '), `${Math.round(row.first.completeMedian)} ms`,
    ]));
  }
  lines.push(`\nAgainst the targets (issue 18) and MkDocs Material built from the same guides in this run${mkdocs ? ` (${mkdocs})` : ''}:`);
  lines.push(pad(['guides', 'build: ours / target / MkDocs', 'bytes before first results: ours / target / MkDocs', 'first results: ours / target / MkDocs', 'verdict']));
  lines.push(pad(Array(5).fill('---')));
  for (const row of rows) {
    const target = TARGETS[row.n];
    const anchor = row.mkdocs;
    const ok = target
      ? (target.buildS === undefined || row.buildWallS <= target.buildS) &&
        (target.bytesKB === undefined || row.first.bytesBeforeMedian <= target.bytesKB * 1000) &&
        row.first.median <= target.firstMs
      : undefined;
    lines.push(pad([
      String(row.n),
      `${row.buildWallS.toFixed(2)} s / ${target?.buildS ? `≤ ${target.buildS} s` : '-'} / ${anchor ? `${anchor.buildS.toFixed(2)} s` : 'not run'}`,
      `${kb(row.first.bytesBeforeMedian)} / ${target?.bytesKB ? `≤ ${target.bytesKB} KB` : '-'} / ${anchor ? kb(anchor.first.bytesBeforeMedian) : 'not run'}`,
      `${Math.round(row.first.median)} ms / ${target ? `≤ ${target.firstMs} ms` : '-'} / ${anchor ? `${Math.round(anchor.first.median)} ms (runs ${anchor.first.runs.map(Math.round).join(' ')})` : 'not run'}`,
      ok === undefined ? 'no target' : ok ? 'meets targets' : 'MISSES a target',
    ]));
  }
  if (!mkdocs) lines.push(values['no-mkdocs'] ? '\nMkDocs Material skipped (--no-mkdocs).' : `\n${MKDOCS_INSTALL_HINT}`);
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
    const files = (first: FirstResults) => Object.entries(first.filesBefore).map(([file, bytes]) => `${file.replace(/^\/assets\//, '')} ${kb(bytes)}`).join(', ');
    lines.push(`\nN=${row.n}: build phases (ms, in process): ${row.buildPhases}; first suggestion for "${BENCH_QUERY}": ${row.first.firstResult}`);
    lines.push(`  disk before each build: ${row.disk.join('; ')}`);
    lines.push(`  bytes before first results, each run: ${row.first.bytesBeforeRuns.map(kb).join(', ')}`);
    lines.push(`  downloaded before first results (last run): ${files(row.first)}`);
    if (row.mkdocs) lines.push(`  MkDocs Material: ${files(row.mkdocs.first)}; first suggestion ${row.mkdocs.first.firstResult}`);
  }
  console.log(lines.join('\n'));
}

if (!mkdocs && !values['no-mkdocs']) console.error(`[bench:site] ${MKDOCS_INSTALL_HINT}`);
const work = await mkdtemp(path.join(tmpdir(), 'bench-site-'));
const browser = await launchChromium();
try {
  const ladder: LadderStep[][] = [];
  const rows: Row[] = [];
  for (const n of sizes) rows.push(await measure(n, work, browser, ladder));
  printTable(rows, ladder);
} finally {
  await browser.close();
  await rm(work, { recursive: true, force: true });
}
