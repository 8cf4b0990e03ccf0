// In headless Chromium: time from navigation start to the first rendered search suggestions for a
// query typed at DOMContentLoaded, and the bytes the server sent before then. Each run uses a fresh
// browser context (cold cache). The same probe drives our site and MkDocs Material's.
import type { Browser } from 'playwright-core';
import { median } from '../lib/stats.ts';
import type { ServedSite } from './serve.ts';

export const BENCH_QUERY = 'gpu memory errors';

/** Where a site's search box is and how its suggestions show. */
export interface SearchUi {
  input: string;
  results: string;
  option: string;
  /** an attribute of `results` that turns "false" when the suggestions are complete (snippets in) */
  busyAttribute?: string;
  /** events the site's script listens to for typing */
  events: string[];
}

export const OUR_SEARCH: SearchUi = {
  input: '#home-search',
  results: '#home-search-results',
  option: '[role="option"]',
  busyAttribute: 'aria-busy',
  events: ['input'],
};

export const MKDOCS_MATERIAL_SEARCH: SearchUi = {
  input: 'input[data-md-component="search-query"]',
  results: '.md-search-result',
  option: '.md-search-result__item',
  events: ['focus', 'keyup'],
};

export interface FirstResults {
  /** navigation start → first suggestions rendered (titles and sections; snippets may follow) */
  median: number;
  runs: number[];
  /** navigation start → the same suggestions with their section snippets */
  completeMedian: number;
  /** bytes the server sent (compressed where it could) for requests answered before the first suggestions */
  bytesBeforeMedian: number;
  /** the same, each run (a file arriving before the results in some runs only shows here) */
  bytesBeforeRuns: number[];
  /** the files behind those bytes, in the last run: path → bytes */
  filesBefore: Record<string, number>;
  firstResult: string;
}

/** A moment the page reports (performance.now() in the page), or a timeout. */
function moment(timeoutMs = 120_000): { at: Promise<number>; resolve(at: number): void } {
  let resolve: (at: number) => void = () => undefined;
  const at = new Promise<number>((onResolve, onReject) => {
    resolve = onResolve;
    setTimeout(() => onReject(new Error(`the page did not report within ${timeoutMs} ms`)), timeoutMs).unref();
  });
  at.catch(() => undefined); // awaited later; a timeout is reported there
  return { at, resolve };
}

export async function firstResultsMs(browser: Browser, site: ServedSite, ui: SearchUi = OUR_SEARCH, runs = 5): Promise<FirstResults> {
  const times: number[] = [];
  const completeTimes: number[] = [];
  const bytesBefore: number[] = [];
  let filesBefore: Record<string, number> = {};
  let firstResult = '';
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The page reports the moments itself, through a binding: polling it from here (waitForFunction)
    // would run Playwright's injected script on the page's thread while the search is under way.
    const reported = { first: moment(), complete: moment() };
    await page.exposeFunction('benchReport', (what: keyof typeof reported, at: number) => reported[what].resolve(at));
    await page.addInitScript(
      ({ query, ui }: { query: string; ui: SearchUi }) => {
        document.addEventListener('DOMContentLoaded', () => {
          const input = document.querySelector<HTMLInputElement>(ui.input);
          const list = document.querySelector(ui.results);
          if (!input || !list) return;
          const report = (window as unknown as { benchReport(what: string, at: number): void }).benchReport;
          let shownBefore = false;
          let completeBefore = false;
          new MutationObserver(() => {
            const shown = list.querySelector(ui.option) !== null;
            const complete = !ui.busyAttribute || list.getAttribute(ui.busyAttribute) === 'false';
            if (!shownBefore && shown) report('first', performance.now());
            if (!completeBefore && shown && complete) report('complete', performance.now());
            shownBefore ||= shown;
            completeBefore ||= shown && complete;
          }).observe(list, { childList: true, subtree: true, attributes: true });
          input.focus();
          input.value = query;
          for (const type of ui.events) input.dispatchEvent(new Event(type, { bubbles: true }));
        });
      },
      { query: BENCH_QUERY, ui },
    );
    site.clear();
    await page.goto(`${site.url}/`);
    const firstAt = await reported.first.at;
    times.push(firstAt);
    completeTimes.push(await reported.complete.at);
    const shownAt = (await page.evaluate(() => performance.timeOrigin)) + firstAt;
    const before = site.sent.filter((response) => response.at <= shownAt);
    bytesBefore.push(before.reduce((sum, response) => sum + response.bytes, 0));
    filesBefore = Object.fromEntries(before.map((response) => [response.path, response.bytes]));
    firstResult = (await page.locator(`${ui.results} ${ui.option} a`).first().getAttribute('href')) ?? '';
    await context.close();
  }
  return { median: median(times), runs: times, completeMedian: median(completeTimes), bytesBeforeMedian: median(bytesBefore), bytesBeforeRuns: bytesBefore, filesBefore, firstResult };
}
