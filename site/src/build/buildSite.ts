// The whole build: content → model → pages, search files and assets in the output folder.
import path from 'node:path';
import { loadContent } from './content.ts';
import { buildModel } from './model.ts';
import { compileAssets, type bundleAssets } from './assets.ts';
import { compileApp } from './app.ts';
import { createStagingFolder, discardStaged, publishStaged, stagingFolder } from './output.ts';
import { planSearchFiles, writeSearchFiles } from './searchOutput.ts';
import type { Chrome } from '../pages/layout.ts';
import { homePage } from '../pages/home.ts';
import { guidePage } from '../pages/guide.ts';
import { aboutPage, guidesIndexPage, systemsPage, tagPage, tagsIndexPage } from '../pages/listings.ts';
import { notFoundPage, searchPage, sitemap } from '../pages/utility.ts';
import { faviconIco } from './favicon.ts';
import { outputThread, type FileSize, type OutputThread } from './outputThread.ts';
import { guideSearchInput, joinSearchInputs, type GuideSearchInput } from './searchFiles.ts';
import { SHARD_BYTES } from '../search/shards.ts';
import { reviewData, staleReviewLines } from './review.ts';
import { todayIso } from './dates.ts';
import { estimatePage } from '../pages/estimate.ts';

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** absolute URLs in sitemap.xml */
  baseUrl?: string;
  /** the date reviews are judged against (YYYY-MM-DD); today by default */
  today?: string;
  /** site/src (see sourceDir.ts); found from this module's place by default */
  sourceDir?: string;
  /**
   * The build's entry script, to compute the search index and write the files on a second thread
   * (see outputThread.ts); without it, this thread does everything.
   */
  threadScript?: URL;
  /** where the browser bundles are kept across builds (see bundleCache.ts); none: bundled every time */
  bundleCacheDir?: string;
}

export type { FileSize };

export interface BuildReport {
  guides: number;
  sections: number;
  pages: number;
  milliseconds: number;
  /** the index's head (dictionary, field lengths) */
  index: FileSize;
  /** the postings shards, all together */
  postings: FileSize & { files: number };
  docs: FileSize;
  assets: Awaited<ReturnType<typeof bundleAssets>>['bytes'];
  /** whether the index was computed and the files written on a second thread */
  outputThread: boolean;
  /** whether the browser bundles came from the bundle cache (bundleCache.ts) */
  bundlesCached: boolean;
  /** milliseconds per phase, in order */
  phases: Record<string, number>;
  /** guides whose review is older than the review interval (or missing), one line each */
  staleReviews: string[];
}

/** Makes the browser bundles' cache (see bundleCache.ts) without building a site. */
export async function prepareBundles(bundleCacheDir: string, sourceDir?: string): Promise<void> {
  const nowhere = path.join(bundleCacheDir, 'unwritten'); // output paths only: nothing is written there
  await Promise.all([compileAssets(nowhere, sourceDir, bundleCacheDir), compileApp(nowhere, sourceDir, bundleCacheDir)]);
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  // Everything is written to a staging folder beside the output folder, swapped into place at the end.
  const staging = stagingFolder(options.outDir, options.contentDir);
  const output = outputThread(staging, SHARD_BYTES, options.threadScript);
  let built = false;
  try {
    const report = await build({ ...options, outDir: staging }, output);
    const publishing = performance.now();
    publishStaged(staging, options.outDir);
    built = true;
    const published = Math.round(performance.now() - publishing);
    return { ...report, milliseconds: report.milliseconds + published, phases: { ...report.phases, publish: published } };
  } finally {
    output.stop();
    if (!built) discardStaged(staging);
  }
}

async function build({ contentDir, outDir, baseUrl = 'http://localhost:3000', today = todayIso(), sourceDir, bundleCacheDir }: BuildOptions, output: OutputThread): Promise<BuildReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  // esbuild bundles in its own process while the guides are read and rendered; the bundles are written once
  // the content has proved good (see esbuildOutput.ts).
  const bundling = Promise.all([compileAssets(outDir, sourceDir, bundleCacheDir), compileApp(outDir, sourceDir, bundleCacheDir)]);
  bundling.catch(() => undefined); // a content error is reported first; a bundling error when awaited below
  const content = await loadContent(contentDir);
  phase('read');
  // Each guide's search documents go to the output thread as soon as the guide is rendered.
  const guideInputs: GuideSearchInput[] = [];
  const model = buildModel(
    content,
    (guide) => {
      const input = guideSearchInput(guide);
      guideInputs.push(input);
      output.addDocuments(input.documents);
      if (guide.rendered.highlights?.length) output.highlight(guide.rendered.highlights);
    },
    // With a second thread, it highlights the code blocks while this one renders (highlight.ts).
    { deferHighlighting: output.threaded },
  );
  output.endDocuments();
  phase('render');
  createStagingFolder(outDir);
  phase('stage');
  const [writeAssets, writeApp] = await bundling;
  // Written by the output thread like every other file (synchronously there, off this thread).
  const toOutput = (file: string, data: string | Uint8Array) => output.write(path.relative(outDir, file), data);
  const assets = await writeAssets(toOutput);
  const app = await writeApp(assets.css, toOutput);
  phase('bundle');

  // Every page carries the search manifest, planned before the index is encoded (see searchOutput.ts).
  const plannedSearch = planSearchFiles(joinSearchInputs(guideInputs), assets.worker, sourceDir);
  phase('search names');
  const chrome: Chrome = { css: assets.css, js: assets.js, worker: assets.worker, searchManifest: plannedSearch.manifest, hasAbout: Boolean(model.pages.about) };
  const pages: Array<[string, () => string]> = [
    ['index.html', () => homePage(chrome, model)],
    ['guides/index.html', () => guidesIndexPage(chrome, model)],
    ['tags/index.html', () => tagsIndexPage(chrome, model)],
    ['systems/index.html', () => systemsPage(chrome, model)],
    ['search/index.html', () => searchPage(chrome)],
    ['tools/estimate/index.html', () => estimatePage(chrome, assets.estimate)],
    ['404.html', () => notFoundPage(chrome)],
    ...model.guides.map((guide): [string, () => string] => [`guides/${guide.slug}/index.html`, () => guidePage(chrome, guide)]),
    ...[...model.tags.entries()].map(([tag, guides]): [string, () => string] => [`tags/${tag}/index.html`, () => tagPage(chrome, tag, guides)]),
  ];
  const about = model.pages.about;
  if (about) pages.push(['about/index.html', () => aboutPage(chrome, about)]);
  for (const [file, page] of pages) output.write(file, page());
  output.write('sitemap.xml', sitemap(model, baseUrl));
  output.write('favicon.ico', faviconIco());
  const reviews = reviewData(model.guides, today);
  output.write('guides/review.json', JSON.stringify(reviews));
  phase('pages');
  const search = await writeSearchFiles(output, plannedSearch);
  phase('index');
  await output.finish();
  phase('write (rest)');

  return {
    guides: model.guides.length,
    sections: search.sectionCount,
    pages: pages.length,
    milliseconds: Math.round(performance.now() - started),
    index: search.index,
    postings: search.postings,
    docs: search.docs,
    assets: assets.bytes,
    outputThread: output.threaded,
    bundlesCached: assets.cached && app.cached,
    phases,
    staleReviews: staleReviewLines(reviews),
  };
}
