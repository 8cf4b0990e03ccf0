// `npm run build:site [-- --content DIR --out DIR --base-url URL]`: builds the knowledge base site.
// npm runs it prebundled (site/run-build.mjs), which passes --site-source; `tsx site/build.ts` works too.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, prepareBundles } from './src/build/buildSite.ts';
import { BuildError } from './src/build/errors.ts';
import { SITE_SOURCE_DIR } from './src/build/sourceDir.ts';

// Prebundled (run-build.mjs), the second thread's script is bundled beside this one. Run from source
// (`tsx site/build.ts`) a worker thread could not load TypeScript: one thread then.
const SECOND_THREAD = import.meta.url.endsWith('.ts') ? undefined : new URL('./output-thread.mjs', import.meta.url);

await main();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist/site' },
      'base-url': { type: 'string', default: process.env.SITE_URL ?? 'http://localhost:3000' },
      /** site/src, when this runs as a bundle elsewhere (see src/build/sourceDir.ts) */
      'site-source': { type: 'string' },
      /** only make the browser bundles' cache (run-build.mjs --prepare-only): code, not content */
      'prepare-bundles': { type: 'boolean', default: false },
    },
  });
  // The browser bundles depend on the code alone: kept across builds, like this script's own bundle.
  const bundleCacheDir = path.resolve(values['site-source'] ?? SITE_SOURCE_DIR, '../../node_modules/.cache/site-bundles');
  if (values['prepare-bundles']) {
    await prepareBundles(bundleCacheDir, values['site-source']);
    return;
  }

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  /** CPU time of this process so far (all threads): unlike wall time, barely affected by a busy machine. */
  const cpuMilliseconds = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };

  try {
    const report = await buildSite({
      contentDir: values.content,
      outDir: values.out,
      baseUrl: values['base-url'],
      sourceDir: values['site-source'],
      threadScript: SECOND_THREAD,
      bundleCacheDir,
    });
    console.log(
      `Built ${report.guides} guides (${report.sections} search sections, ${report.pages} pages) into ${values.out} in ${report.milliseconds} ms ` +
        `(process CPU ${Math.round(cpuMilliseconds())} ms); ` +
        `search index head ${kb(report.index.raw)} (${kb(report.index.gzip)} gzip) + postings ${kb(report.postings.raw)} (${kb(report.postings.gzip)} gzip, ${report.postings.files} shards) + docs ${kb(report.docs.gzip)} gzip; ` +
        `page JS ${kb(report.assets.js.gzip)} gzip, worker ${kb(report.assets.worker.gzip)} gzip, CSS ${kb(report.assets.css.gzip)} gzip; ` +
        `phases (ms): ${Object.entries(report.phases).map(([name, ms]) => `${name} ${ms}`).join(', ')}; ` +
        `${report.outputThread ? 'index and writes on a second thread' : 'one thread'}; browser bundles ${report.bundlesCached ? 'from the cache' : 'made'}`,
    );
    if (report.staleReviews.length > 0) {
      console.log(`${report.staleReviews.length} guide(s) due for review (last review older than 180 days, or none):`);
      for (const line of report.staleReviews) console.log(`  - ${line}`);
    }
  } catch (error) {
    if (error instanceof BuildError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
