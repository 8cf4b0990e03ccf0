// In headless Chromium: time from navigation start to the first rendered search suggestions for a
// query typed at DOMContentLoaded. Each run uses a fresh browser context (cold cache).
import type { Browser } from 'playwright-core';

export const BENCH_QUERY = 'gpu memory errors';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface FirstResults {
  /** navigation start → first suggestions rendered (titles and sections; snippets may follow) */
  median: number;
  runs: number[];
  /** navigation start → the same suggestions with their section snippets */
  completeMedian: number;
  firstResult: string;
}

export async function firstResultsMs(browser: Browser, baseUrl: string, runs = 5): Promise<FirstResults> {
  const times: number[] = [];
  const completeTimes: number[] = [];
  let firstResult = '';
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript((query: string) => {
      document.addEventListener('DOMContentLoaded', () => {
        const input = document.querySelector<HTMLInputElement>('#home-search');
        const list = document.querySelector('#home-search-results');
        if (!input || !list) return;
        new MutationObserver(() => {
          const win = window as unknown as { firstResultsAt?: number; completeAt?: number };
          const shown = list.querySelector('[role="option"]') !== null;
          if (win.firstResultsAt === undefined && shown) win.firstResultsAt = performance.now();
          if (win.completeAt === undefined && shown && list.getAttribute('aria-busy') === 'false') win.completeAt = performance.now();
        }).observe(list, { childList: true, attributes: true });
        input.focus();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }, BENCH_QUERY);
    await page.goto(`${baseUrl}/`);
    const handle = await page.waitForFunction(() => (window as unknown as { firstResultsAt?: number }).firstResultsAt, undefined, { timeout: 60_000, polling: 50 });
    times.push(Number(await handle.jsonValue()));
    const complete = await page.waitForFunction(() => (window as unknown as { completeAt?: number }).completeAt, undefined, { timeout: 60_000, polling: 50 });
    completeTimes.push(Number(await complete.jsonValue()));
    firstResult = (await page.locator('#home-search-results [role="option"] a').first().getAttribute('href')) ?? '';
    await context.close();
  }
  return { median: median(times), runs: times, completeMedian: median(completeTimes), firstResult };
}
