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

export async function firstResultsMs(browser: Browser, site: ServedSite, ui: SearchUi = OUR_SEARCH, runs = 5): Promise<FirstResults> {
  const times: number[] = [];
  const completeTimes: number[] = [];
  const bytesBefore: number[] = [];
  let filesBefore: Record<string, number> = {};
  let firstResult = '';
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(
      ({ query, ui }: { query: string; ui: SearchUi }) => {
        document.addEventListener('DOMContentLoaded', () => {
          const input = document.querySelector<HTMLInputElement>(ui.input);
          const list = document.querySelector(ui.results);
          if (!input || !list) return;
          new MutationObserver(() => {
            const win = window as unknown as { firstResultsAt?: number; completeAt?: number };
            const shown = list.querySelector(ui.option) !== null;
            const complete = !ui.busyAttribute || list.getAttribute(ui.busyAttribute) === 'false';
            if (win.firstResultsAt === undefined && shown) win.firstResultsAt = performance.now();
            if (win.completeAt === undefined && shown && complete) win.completeAt = performance.now();
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
    const handle = await page.waitForFunction(() => (window as unknown as { firstResultsAt?: number }).firstResultsAt, undefined, { timeout: 120_000, polling: 50 });
    const firstAt = Number(await handle.jsonValue());
    times.push(firstAt);
    const complete = await page.waitForFunction(() => (window as unknown as { completeAt?: number }).completeAt, undefined, { timeout: 120_000, polling: 50 });
    completeTimes.push(Number(await complete.jsonValue()));
    const shownAt = (await page.evaluate(() => performance.timeOrigin)) + firstAt;
    const before = site.sent.filter((response) => response.at <= shownAt);
    bytesBefore.push(before.reduce((sum, response) => sum + response.bytes, 0));
    filesBefore = Object.fromEntries(before.map((response) => [response.path, response.bytes]));
    firstResult = (await page.locator(`${ui.results} ${ui.option} a`).first().getAttribute('href')) ?? '';
    await context.close();
  }
  return { median: median(times), runs: times, completeMedian: median(completeTimes), bytesBeforeMedian: median(bytesBefore), bytesBeforeRuns: bytesBefore, filesBefore, firstResult };
}
