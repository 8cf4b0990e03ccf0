// `npm run build:site`: runs site/build.ts as one prebundled ES module, so a build does not spend its
// start transpiling ~100 TypeScript modules through tsx and resolving each import (about 0.5 s of CPU at
// 1,000 guides, see README "Build speed"). The bundle is cached in node_modules/.cache/site-build/ and
// rebuilt (esbuild, ~0.3 s) when any file it was made from changed (size or mtime, as esbuild's metafile
// lists them). Plain JavaScript: Node 20 cannot run TypeScript without a loader.
//   node site/run-build.mjs [--prepare-only] [build.ts options...]
// --prepare-only makes the cached bundles (this script's and the browser code's) without building a site.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SITE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(SITE);
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'site-build');
const BUNDLE = path.join(CACHE, 'build.mjs');
/** the build's second thread (src/build/outputThread.ts); build.mjs finds it beside itself */
const THREAD_BUNDLE = path.join(CACHE, 'output-thread.mjs');
const INPUTS = path.join(CACHE, 'inputs.json');
/** bumped when the way the bundle is made changes */
const RECIPE = 2;

const stamp = (file) => {
  try {
    const { size, mtimeMs } = statSync(path.resolve(ROOT, file));
    return `${size}:${mtimeMs}`;
  } catch {
    return 'missing';
  }
};

function isFresh() {
  if (!existsSync(BUNDLE) || !existsSync(THREAD_BUNDLE) || !existsSync(INPUTS)) return false;
  const recorded = JSON.parse(readFileSync(INPUTS, 'utf8'));
  if (recorded.recipe !== RECIPE) return false;
  return Object.entries(recorded.inputs).every(([file, was]) => stamp(file) === was);
}

async function bundle() {
  const { build } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  // Written to a folder of their own, then renamed into place one by one (atomic): two builds starting
  // at once never run a half-written bundle.
  const temporary = path.join(CACHE, `tmp-${process.pid}`);
  const result = await build({
    entryPoints: { build: path.join(SITE, 'build.ts'), 'output-thread': path.join(SITE, 'output-thread.ts') },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    // esbuild itself (a native binary) and what build code loads lazily with createRequire stay outside.
    external: ['esbuild'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, stamp(file)]));
  renameSync(path.join(temporary, 'output-thread.mjs'), THREAD_BUNDLE);
  renameSync(path.join(temporary, 'build.mjs'), BUNDLE);
  rmSync(temporary, { recursive: true, force: true });
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify({ recipe: RECIPE, inputs }));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
}

const args = process.argv.slice(2);
const prepareOnly = args[0] === '--prepare-only';
if (!isFresh()) await bundle();
// --prepare-only also makes the browser bundles' cache (build.ts --prepare-bundles): code, not content.
process.argv = [process.argv[0], BUNDLE, '--site-source', path.join(SITE, 'src'), ...(prepareOnly ? ['--prepare-bundles'] : args)];
await import(pathToFileURL(BUNDLE).href);
