/**
 * Lambda bundle benchmark: each function bundled exactly as the CDK stack bundles it (cdk/bundling.ts),
 * its minified and gzip size, and its cold initialisation (importing the bundle in a fresh node process,
 * median of 10, with the NODE_OPTIONS the functions run with; also shown without source maps), against a minimal Hono + DynamoDB document-client handler bundled the same way.
 * Target: every function at most 1.3 × the baseline on size and init time. For a function that misses,
 * the bundle's bytes (esbuild metafile) and init time (V8 CPU profile) are broken down by package.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_ENTRIES, REPOSITORY_ROOT } from '../../cdk/paths.ts';
import { median, table } from '../lib/stats.ts';
import { bundle, bytesByPackage, type Bundle } from './bundle.ts';
import { importTime } from './cold-init.ts';
import { initTimeByPackage } from './init-profile.ts';

const RUNS = Number(process.env.BENCH_INIT_RUNS ?? 10);
const TARGET_RATIO = 1.3;
const BASELINE = 'baseline';

interface Measured extends Bundle {
  name: string;
  entry: string;
  initMs: number;
  /** The same import without NODE_OPTIONS=--enable-source-maps: what reading the source map costs. */
  initWithoutMapsMs: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (value: number, base: number) => value / base;

export async function runLambdaBench(): Promise<boolean> {
  const entries: Record<string, string> = { [BASELINE]: join(import.meta.dirname, 'baseline-handler.ts'), ...FUNCTION_ENTRIES };
  const outDir = mkdtempSync(join(tmpdir(), 'bench-lambda-'));
  try {
    const bundles = new Map<string, Bundle>();
    for (const [name, entry] of Object.entries(entries)) bundles.set(name, await bundle(name, entry, outDir));

    // Rounds interleave the bundles so drift on a shared machine hits all of them alike.
    const times = new Map<string, number[]>([...bundles.keys()].map((name) => [name, []]));
    const timesWithoutMaps = new Map<string, number[]>([...bundles.keys()].map((name) => [name, []]));
    for (let round = 0; round < RUNS; round++) {
      for (const [name, { file }] of bundles) {
        times.get(name)!.push(importTime(file));
        timesWithoutMaps.get(name)!.push(importTime(file, ['--no-enable-source-maps']));
      }
    }
    const measured: Measured[] = [...bundles].map(([name, b]) => ({
      ...b, name, entry: entries[name]!, initMs: median(times.get(name)!), initWithoutMapsMs: median(timesWithoutMaps.get(name)!),
    }));
    const base = measured.find((m) => m.name === BASELINE)!;

    console.log(`Lambda bundles (esbuild, ${process.version} importing; init = median of ${RUNS} imports in fresh processes)\n`);
    const rows = measured.map((m) => {
      const ratios = [ratio(m.bytes, base.bytes), ratio(m.gzipBytes, base.gzipBytes), ratio(m.initMs, base.initMs)];
      const met = ratios.every((r) => r <= TARGET_RATIO);
      return [m.name, kb(m.bytes), kb(m.gzipBytes), m.initMs.toFixed(1), ...ratios.map((r) => `${r.toFixed(2)}×`), m.name === BASELINE ? '-' : met ? 'yes' : 'NO', m.initWithoutMapsMs.toFixed(1)];
    });
    console.log(table(['bundle', 'min KiB', 'gzip KiB', 'init ms', 'size ratio', 'gzip ratio', 'init ratio', `≤ ${TARGET_RATIO}×`, 'init ms w/o maps'], rows));

    const misses = measured.filter((m) => m.name !== BASELINE
      && [ratio(m.bytes, base.bytes), ratio(m.gzipBytes, base.gzipBytes), ratio(m.initMs, base.initMs)].some((r) => r > TARGET_RATIO));
    const baseBytes = new Map(bytesByPackage(base.metafile).map((p) => [p.name, p.bytes]));
    const breakdowns: Record<string, unknown> = {};
    for (const miss of misses) {
      const packages = bytesByPackage(miss.metafile);
      console.log(`\n${miss.name}: where the ${kb(miss.bytes)} KiB go (bytes in the minified output; baseline's share for comparison)`);
      console.log(table(['package', 'KiB', 'share', 'baseline KiB'], packages.slice(0, 14).map((p) => [
        p.name, kb(p.bytes), `${((100 * p.bytes) / miss.bytes).toFixed(1)}%`, baseBytes.has(p.name) ? kb(baseBytes.get(p.name)!) : '-',
      ])));
      const unminified = await bundle(`${miss.name}-unminified`, miss.entry, outDir, { minify: false });
      const init = initTimeByPackage(unminified.file);
      const profiled = init.reduce((sum, p) => sum + p.ms, 0);
      console.log(`\n${miss.name}: where the init time goes (CPU self time while importing an unminified build, mean of 3 profiles, ${profiled.toFixed(0)} ms profiled incl. node start)`);
      console.log(table(['package or phase', 'ms', 'share'], init.slice(0, 14).map((p) => [p.name, p.ms.toFixed(1), `${((100 * p.ms) / profiled).toFixed(1)}%`])));
      breakdowns[miss.name] = { bytes: packages, initMs: init };
    }

    const resultsDir = join(REPOSITORY_ROOT, 'bench/results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'lambda.json'), JSON.stringify({
      node: process.version,
      runs: RUNS,
      bundles: measured.map(({ name, bytes, gzipBytes, initMs, initWithoutMapsMs }) => ({
        name, bytes, gzipBytes, initMs, initRuns: times.get(name), initWithoutMapsMs, initWithoutMapsRuns: timesWithoutMaps.get(name),
      })),
      breakdowns,
    }, null, 2));
    console.log(`\nTarget: every function ≤ ${TARGET_RATIO}× the baseline in minified size, gzip size and init time. Results: bench/results/lambda.json`);
    return misses.length === 0;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runLambdaBench();
}
