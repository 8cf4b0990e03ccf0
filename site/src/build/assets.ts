// Bundles the browser code (page script, search worker) and the stylesheet with esbuild: minified,
// content-hashed file names under assets/, precompressed.
import path from 'node:path';
import { writeOutputFiles, writeToDisk, type WriteFile } from './esbuildOutput.ts';
import { bundle, type Bundle } from './bundleCache.ts';
import { SITE_SOURCE_DIR } from './sourceDir.ts';

export interface BundledAssets {
  /** URLs from the site root, e.g. /assets/main-AB12CD34.js */
  js: string;
  css: string;
  worker: string;
  /** the compute estimator's page script (/tools/estimate/) */
  estimate: string;
  bytes: Record<'js' | 'css' | 'worker' | 'estimate', { raw: number; gzip: number }>;
  /** taken from the bundle cache (bundleCache.ts) */
  cached: boolean;
}

export async function bundleAssets(outDir: string, sourceDir = SITE_SOURCE_DIR): Promise<BundledAssets> {
  const write = await compileAssets(outDir, sourceDir);
  return write();
}

/** Bundles in memory (or takes the cached bundles, see bundleCache.ts); the function returned writes the files. */
export async function compileAssets(outDir: string, sourceDir = SITE_SOURCE_DIR, cacheDir?: string): Promise<(write?: WriteFile) => Promise<BundledAssets>> {
  const assetsDir = path.join(outDir, 'assets');
  const bundled = await bundle(
    'assets',
    {
      entryPoints: {
        main: path.join(sourceDir, 'browser/main.ts'),
        'search-worker': path.join(sourceDir, 'search/worker.ts'),
        estimate: path.join(sourceDir, 'browser/estimate.ts'),
        styles: path.join(sourceDir, 'styles.css'),
      },
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      outdir: assetsDir,
      entryNames: '[name]-[hash]',
      legalComments: 'none',
      logLevel: 'silent',
    },
    cacheDir,
  );
  return (write = writeToDisk) => writeAssets(bundled, write);
}

async function writeAssets(bundled: Bundle, write: WriteFile): Promise<BundledAssets> {
  const written = await writeOutputFiles(bundled.outputFiles, write);
  const byEntry = new Map<string, string>();
  for (const [output, meta] of Object.entries(bundled.metafile.outputs)) {
    if (meta.entryPoint) byEntry.set(path.basename(meta.entryPoint).replace(/\.(ts|css)$/, ''), output);
  }
  const locate = async (entry: string) => {
    const output = byEntry.get(entry);
    if (!output) throw new Error(`esbuild produced no output for ${entry}`);
    const data = written.get(path.resolve(output));
    if (!data) throw new Error(`esbuild wrote no ${output}`);
    const compressed = bundled.gzip(path.resolve(output));
    await write(path.resolve(`${output}.gz`), compressed);
    return { url: `/assets/${path.basename(output)}`, raw: data.length, gzip: compressed.length };
  };
  const [js, worker, css, estimate] = await Promise.all([locate('main'), locate('worker'), locate('styles'), locate('estimate')]);
  return { js: js.url, css: css.url, worker: worker.url, estimate: estimate.url, bytes: { js, css, worker, estimate }, cached: bundled.cached };
}
