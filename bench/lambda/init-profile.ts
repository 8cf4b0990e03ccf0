/**
 * Where a bundle's init time goes: imports an unminified build of the same bundle under the V8 sampling
 * profiler and charges each sample's self time to the npm package whose code was running, found from
 * the `// node_modules/<package>/...` comments esbuild writes before each module. Within a function the
 * profile's line ticks say which lines ran: the bundle's top level is one function spanning every module,
 * so charging its time to the line it starts on would put all import-time work under "esbuild runtime".
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageOf } from './bundle.ts';
import { importTime } from './cold-init.ts';

interface ProfileNode { id: number; callFrame: { url: string; lineNumber: number; functionName: string }; positionTicks?: Array<{ line: number; ticks: number }> }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** For each line of the unminified bundle, the package it belongs to. */
function linePackages(source: string): string[] {
  let current = 'esbuild runtime';
  return source.split('\n').map((line) => {
    const comment = line.match(/^\/\/ (\S+\.(?:[cm]?js|ts|json))$/);
    if (comment) current = packageOf(comment[1]!);
    return current;
  });
}

/** Milliseconds of self time per package over `runs` profiled imports (their sum is the profiled init). */
export function initTimeByPackage(unminifiedFile: string, runs = 3): Array<{ name: string; ms: number }> {
  const owners = linePackages(readFileSync(unminifiedFile, 'utf8'));
  const url = pathToFileURL(unminifiedFile).href;
  const totals = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-prof-'));
    try {
      importTime(unminifiedFile, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=50']);
      const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]!), 'utf8')) as CpuProfile;
      const selfMs = new Map<number, number>();
      profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + profile.timeDeltas[i]! / 1000));
      const charge = (name: string, ms: number) => totals.set(name, (totals.get(name) ?? 0) + ms);
      for (const node of profile.nodes) {
        const ms = selfMs.get(node.id);
        if (!ms) continue;
        const frame = node.callFrame;
        if (frame.url !== url) {
          charge(frame.url.startsWith('node:') || frame.url === '' ? `node (${frame.functionName || 'internal'})`.replace(/ \((program|idle|garbage collector)\)$/, ' $1') : 'node (other)', ms);
          continue;
        }
        // Line ticks are 1-based; a node without them is charged to the line its function starts on.
        const ticks = node.positionTicks?.length ? node.positionTicks : [{ line: frame.lineNumber + 1, ticks: 1 }];
        const all = ticks.reduce((sum, t) => sum + t.ticks, 0);
        for (const { line, ticks: n } of ticks) charge(owners[line - 1] ?? 'esbuild runtime', (ms * n) / all);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [...totals].map(([name, ms]) => ({ name, ms: ms / runs })).sort((a, b) => b.ms - a.ms);
}
