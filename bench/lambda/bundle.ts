import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '../../cdk/bundling.ts';

export interface Bundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

/** Bundles an entry exactly as the CDK stack does (cdk/bundling.ts), into `outDir/<name>/index.mjs`. */
export async function bundle(name: string, entry: string, outDir: string, overrides: { minify?: boolean } = {}): Promise<Bundle> {
  const file = join(outDir, name, 'index.mjs');
  const result = await build({ ...esbuildOptions(entry, file), ...overrides });
  const code = readFileSync(file);
  return { file, bytes: statSync(file).size, gzipBytes: gzipSync(code, { level: 9 }).length, metafile: result.metafile! };
}

/** Output bytes per npm package (or "app code" for the repository's own modules), largest first. */
export function bytesByPackage(metafile: Metafile): Array<{ name: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/**
 * `node_modules/@scope/name/...` → `@scope/name`; the repository's own files → `app code`. Translations
 * (a `locales`/`i18n` folder) are their own line: they are the part of a package a service may not need.
 */
export function packageOf(path: string): string {
  const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (!match) return 'app code';
  // The innermost node_modules wins: a nested copy is its own package.
  const name = match.at(-1)!.replace(/^node_modules\//, '').replace(/\/$/, '');
  const rest = path.slice(path.lastIndexOf(match.at(-1)!) + match.at(-1)!.length);
  return /(^|\/)(locales?|i18n)\//.test(rest) ? `${name} (locales)` : name;
}
