// Bundles the browser code (page script, search worker) and the stylesheet with esbuild: minified,
// content-hashed file names under assets/, precompressed.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type OutputFile } from 'esbuild';
import { writeOutputFiles } from './esbuildOutput.ts';
import { SITE_SOURCE_DIR } from './sourceDir.ts';

export interface BundledAssets {
  /** URLs from the site root, e.g. /assets/main-AB12CD34.js */
  js: string;
  css: string;
  worker: string;
  /** the compute estimator's page script (/tools/estimate/) */
  estimate: string;
  bytes: Record<'js' | 'css' | 'worker' | 'estimate', { raw: number; gzip: number }>;
}

export async function bundleAssets(outDir: string, sourceDir = SITE_SOURCE_DIR): Promise<BundledAssets> {
  const write = await compileAssets(outDir, sourceDir);
  return write();
}

/** Bundles in memory; the function returned writes the files (see esbuildOutput.ts). */
export async function compileAssets(outDir: string, sourceDir = SITE_SOURCE_DIR): Promise<() => Promise<BundledAssets>> {
  const assetsDir = path.join(outDir, 'assets');
  const result = await build({
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
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return () => writeAssets(result.outputFiles, result.metafile);
}

async function writeAssets(files: OutputFile[], metafile: Metafile): Promise<BundledAssets> {
  const written = await writeOutputFiles(files);
  const byEntry = new Map<string, string>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (meta.entryPoint) byEntry.set(path.basename(meta.entryPoint).replace(/\.(ts|css)$/, ''), output);
  }
  const locate = async (entry: string) => {
    const output = byEntry.get(entry);
    if (!output) throw new Error(`esbuild produced no output for ${entry}`);
    const data = written.get(path.resolve(output));
    if (!data) throw new Error(`esbuild wrote no ${output}`);
    const compressed = gzipSync(data, { level: 9 });
    await fs.writeFile(`${output}.gz`, compressed);
    return { url: `/assets/${path.basename(output)}`, raw: data.length, gzip: compressed.length };
  };
  const [js, worker, css, estimate] = await Promise.all([locate('main'), locate('worker'), locate('styles'), locate('estimate')]);
  return { js: js.url, css: css.url, worker: worker.url, estimate: estimate.url, bytes: { js, css, worker, estimate } };
}
