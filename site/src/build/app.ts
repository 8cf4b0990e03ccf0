// Bundles the signed-in web app (site/src/app) with esbuild: ES modules split per route, content-hashed
// under assets/app/, precompressed; writes the page shell to app/index.html and to each static route's
// folder (so /app/<page>/ is a file on any static host), and reports what each page downloads.
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { writeOutputFiles, writeToDisk, type WriteFile } from './esbuildOutput.ts';
import { bundle, type Bundle } from './bundleCache.ts';
import { ROUTES, STATIC_ROUTE_PATHS } from '../app/routes.ts';
import { SITE_SOURCE_DIR } from './sourceDir.ts';

export interface AppBundle {
  /** URLs from the site root */
  entry: string;
  css: string;
  /** JavaScript (gzip bytes) a first visit to each route downloads: entry, page chunk, and their static imports */
  routeGzip: Record<string, number>;
  metafile: Metafile;
  /** taken from the bundle cache (bundleCache.ts) */
  cached: boolean;
}

/** Output files reachable from `start` through static imports (what the browser must fetch to run it). */
export function staticClosure(metafile: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(start);
  return seen;
}

/** Per route pattern: gzip bytes of the entry's closure joined with the route's page chunk's closure. */
export function routeSizes(metafile: Metafile, gzipBytes: (file: string) => number): Record<string, number> {
  const outputs = Object.entries(metafile.outputs);
  const entry = outputs.find(([, meta]) => meta.entryPoint?.endsWith('app/main.ts'))?.[0];
  if (!entry) throw new Error('The app bundle has no entry output.');
  const base = staticClosure(metafile, entry);
  const sizes: Record<string, number> = {};
  for (const route of ROUTES) {
    const suffix = `app/pages/${route.page}.ts`;
    const chunk = outputs.find(([, meta]) => meta.entryPoint?.endsWith(suffix))?.[0];
    if (!chunk) throw new Error(`No chunk for ${suffix}.`);
    const files = new Set([...base, ...staticClosure(metafile, chunk)]);
    sizes[route.pattern] = [...files].reduce((sum, file) => sum + gzipBytes(file), 0);
  }
  return sizes;
}

function shell({ siteCss, appCss, entry }: { siteCss: string; appCss: string; entry: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="same-origin">
<link rel="icon" href="/favicon.ico">
<title>HPC AI Support Centre</title>
<link rel="stylesheet" href="${siteCss}">
<link rel="stylesheet" href="${appCss}">
<link rel="modulepreload" href="${entry}">
<script type="module" src="${entry}"></script>
</head>
<body>
<div id="app"><main id="main" class="wrap"><p>Loading the app…</p><noscript><p>The support centre app needs JavaScript. The <a href="/guides/">guides</a> work without it.</p></noscript></main></div>
</body>
</html>
`;
}

export async function bundleApp(outDir: string, { siteCss, sourceDir = SITE_SOURCE_DIR }: { siteCss: string; sourceDir?: string }): Promise<AppBundle> {
  const write = await compileApp(outDir, sourceDir);
  return write(siteCss);
}

/** Bundles in memory (or takes the cached bundle, see bundleCache.ts); the function returned writes the files and the page shell. */
export async function compileApp(outDir: string, sourceDir = SITE_SOURCE_DIR, cacheDir?: string): Promise<(siteCss: string, write?: WriteFile) => Promise<AppBundle>> {
  const appSource = path.join(sourceDir, 'app');
  const assetsDir = path.join(outDir, 'assets', 'app');
  const bundled = await bundle(
    'app',
    {
      entryPoints: { main: path.join(appSource, 'main.ts'), app: path.join(appSource, 'app.css') },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: ['es2022'],
      outdir: assetsDir,
      entryNames: '[name]-[hash]',
      chunkNames: '[name]-[hash]',
      legalComments: 'none',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    },
    cacheDir,
  );
  return (siteCss, write = writeToDisk) => writeApp(outDir, siteCss, bundled, write);
}

async function writeApp(outDir: string, siteCss: string, bundled: Bundle, write: WriteFile): Promise<AppBundle> {
  const { metafile } = bundled;
  const written = await writeOutputFiles(bundled.outputFiles, write);
  const gzipped = new Map<string, number>();
  await Promise.all(Object.keys(metafile.outputs).map(async (file) => {
    const data = written.get(path.resolve(file));
    if (!data) throw new Error(`esbuild wrote no ${file}`);
    const compressed = bundled.gzip(path.resolve(file));
    await write(path.resolve(`${file}.gz`), compressed);
    gzipped.set(file, compressed.length);
  }));
  const url = (file: string) => `/assets/app/${path.basename(file)}`;
  const outputs = Object.entries(metafile.outputs);
  const entryFile = outputs.find(([file, meta]) => file.endsWith('.js') && meta.entryPoint?.endsWith('app/main.ts'))?.[0];
  const cssFile = outputs.find(([file]) => file.endsWith('.css'))?.[0];
  if (!entryFile || !cssFile) throw new Error('esbuild produced no app entry or stylesheet.');
  const page = shell({ siteCss, appCss: url(cssFile), entry: url(entryFile) });
  for (const folder of ['', ...STATIC_ROUTE_PATHS]) {
    await write(path.join(outDir, 'app', folder, 'index.html'), page);
  }
  return { entry: url(entryFile), css: url(cssFile), routeGzip: routeSizes(metafile, (file) => gzipped.get(file) ?? 0), metafile, cached: bundled.cached };
}
