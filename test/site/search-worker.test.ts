// The search worker in Chromium, fetching from the local site server: the first results (titles) are
// shown before any snippet text is requested, so the texts never compete with them, even when the
// page is slow to show them; and a query's texts on their way do not hold the next query back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { startSiteInChromium, type SiteInChromium } from './siteInChromium.ts';

/** How long the page's thread is kept busy when the preview arrives (a slow phone, a busy tab). */
const SLOW_PAGE_MS = 400;

// Runs in the page before its scripts (a string: the test runner's transform must not touch it).
// The first preview message keeps the page's thread busy before the page's own handler runs; the
// time the first suggestion appears in the list is kept in window.shownAt (epoch ms, as the server's).
const SLOW_PREVIEW_PAGE = `(() => {
  const PageWorker = window.Worker;
  let slowed = false;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        if (event.data.type !== 'preview' || slowed) return;
        slowed = true;
        const until = performance.now() + ${SLOW_PAGE_MS};
        while (performance.now() < until);
      });
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    const list = document.querySelector('#home-search-results');
    new MutationObserver(() => {
      if (window.shownAt === undefined && list.querySelector('[role="option"]')) window.shownAt = Date.now();
    }).observe(list, { childList: true, subtree: true });
  });
})()`;

describe.skipIf(!hasChromium)('the search worker in Chromium', () => {
  let site: SiteInChromium;
  let browser: Browser;
  let base: string;
  /** every request the site server received: path and arrival (epoch ms) */
  const received: { path: string; at: number }[] = [];
  /** while set, the server holds every snippet text request until it resolves */
  let textsHeld: Promise<void> | undefined;

  beforeAll(async () => {
    site = await startSiteInChromium(async (c, next) => {
      received.push({ path: c.req.path, at: Date.now() });
      if (c.req.path.includes('/search/text-')) await textsHeld;
      await next();
    });
    ({ browser, base } = site);
  });

  afterAll(() => site?.close());

  it('requests no snippet text before the page has shown the first results, then completes them', async () => {
    const page = await browser.newPage();
    await page.addInitScript(SLOW_PREVIEW_PAGE);
    await page.goto(`${base}/`);
    const manifest = JSON.parse((await page.locator('script[data-search-manifest]').getAttribute('data-search-manifest')) ?? '{}') as { text: string };
    received.splice(0);
    await page.locator('#home-search').fill('pending reasons');
    const list = page.locator('#home-search-results');
    await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    // the complete suggestions carry snippets from the section's own text, not the guide's summary
    await expect.poll(() => list.locator('[role="option"]').first().locator('.result-snippet').textContent()).toMatch(/pending/i);

    const shownAt = (await page.evaluate(() => (window as unknown as { shownAt?: number }).shownAt)) ?? Infinity;
    const texts = received.filter((request) => request.path.startsWith(`/${manifest.text}`));
    expect(texts.length).toBeGreaterThan(0);
    for (const request of texts) expect(request.at, `${request.path} requested before the results were shown`).toBeGreaterThanOrEqual(shownAt);
    await page.close();
  });

  it('runs the next query while the previous one\'s snippet texts are still on their way', async () => {
    const page = await browser.newPage();
    let release: () => void = () => undefined;
    textsHeld = new Promise((resolve) => (release = resolve));
    try {
      await page.goto(`${base}/`);
      const input = page.locator('#home-search');
      const list = page.locator('#home-search-results');
      const firstTitle = () => list.locator('[role="option"] .result-title').first().textContent();
      await input.fill('pending reasons');
      await expect.poll(firstTitle, { timeout: 20_000 }).toBe('Submitting jobs with Slurm');
      expect(await list.getAttribute('aria-busy')).toBe('true');
      await input.fill('apptainer');
      await expect.poll(firstTitle, { timeout: 5_000 }).toBe('Running containers with Apptainer');
    } finally {
      release();
      textsHeld = undefined;
    }
    await expect.poll(() => page.locator('#home-search-results').getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    await page.close();
  });
});
