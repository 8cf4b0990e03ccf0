// Bundles the browser code (page script, search worker) and the stylesheet with esbuild: minified,
// content-hashed file names under assets/, precompressed.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BundledAssets {
  /** URLs from the site root, e.g. /assets/main-AB12CD34.js */
  js: string;
  css: string;
  worker: string;
  /** the compute estimator's page script (/tools/estimate/) */
  estimate: string;
  bytes: Record<'js' | 'css' | 'worker' | 'estimate', { raw: number; gzip: number }>;
}

export async function bundleAssets(outDir: string): Promise<BundledAssets> {
  const assetsDir = path.join(outDir, 'assets');
  const result = await build({
    entryPoints: {
      main: path.join(SOURCE, 'browser/main.ts'),
      'search-worker': path.join(SOURCE, 'search/worker.ts'),
      estimate: path.join(SOURCE, 'browser/estimate.ts'),
      styles: path.join(SOURCE, 'styles.css'),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const byEntry = new Map<string, string>();
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (meta.entryPoint) byEntry.set(path.basename(meta.entryPoint).replace(/\.(ts|css)$/, ''), output);
  }
  const locate = async (entry: string) => {
    const output = byEntry.get(entry);
    if (!output) throw new Error(`esbuild produced no output for ${entry}`);
    const data = await fs.readFile(output);
    const compressed = gzipSync(data, { level: 9 });
    await fs.writeFile(`${output}.gz`, compressed);
    return { url: `/assets/${path.basename(output)}`, raw: data.length, gzip: compressed.length };
  };
  const [js, worker, css, estimate] = await Promise.all([locate('main'), locate('worker'), locate('styles'), locate('estimate')]);
  return { js: js.url, css: css.url, worker: worker.url, estimate: estimate.url, bytes: { js, css, worker, estimate } };
}
