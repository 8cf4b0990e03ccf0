/**
 * Where a bundle's init time goes: imports an unminified build of the same bundle under the V8 sampling
 * profiler and charges each sample's self time to the npm package whose code was running, found from
 * the `// node_modules/<package>/...` comments esbuild writes before each module.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageOf } from './bundle.ts';
import { importTime } from './cold-init.ts';

interface ProfileNode { id: number; callFrame: { url: string; lineNumber: number; functionName: string } }
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
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      profile.samples.forEach((id, i) => {
        const frame = byId.get(id)!.callFrame;
        const name = frame.url === url ? owners[frame.lineNumber] ?? 'esbuild runtime'
          : frame.url.startsWith('node:') || frame.url === '' ? `node (${frame.functionName || 'internal'})`.replace(/ \((program|idle|garbage collector)\)$/, ' $1') : 'node (other)';
        totals.set(name, (totals.get(name) ?? 0) + profile.timeDeltas[i]! / 1000);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [...totals].map(([name, ms]) => ({ name, ms: ms / runs })).sort((a, b) => b.ms - a.ms);
}
