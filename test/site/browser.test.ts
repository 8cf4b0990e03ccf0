// The built fixture site in Debian's Chromium: live search, keyboard, the /search/ page contract,
// and axe-core accessibility checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { hasChromium } from '../support/chromium.ts';
import { startSiteInChromium, type SiteInChromium } from './siteInChromium.ts';

describe.skipIf(!hasChromium)('the site in Chromium', () => {
  let site: SiteInChromium;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    site = await startSiteInChromium();
    ({ browser, base } = site);
  });

  afterAll(() => site?.close());

  it('suggests sections while typing and opens the highlighted one with Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially('pending reas', { delay: 20 });
    const first = page.locator('#home-search-results [role="option"]').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('Reading pending reasons');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.locator('mark').first().textContent()).toMatch(/pending/i);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await input.press('Enter');
    await page.waitForURL(/\/guides\/slurm-basics\/#reading-pending-reasons$/);
    expect(await page.locator('h2#reading-pending-reasons').isVisible()).toBe(true);
    await page.close();
  });

  it('loads the search from the manifest in the page and only the postings shards the query needs', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${base}/`);
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially('pending reasons', { delay: 20 });
    await expect.poll(() => page.locator('#home-search-results [role="option"]').first().textContent(), { timeout: 20_000 }).toContain('Reading pending reasons');
    const manifest = JSON.parse((await page.locator('script[data-search-manifest]').getAttribute('data-search-manifest')) ?? '{}') as { postings: string };
    const shards = requested.filter((path) => path.startsWith(`/${manifest.postings}`));
    expect(requested).not.toContain('/search/manifest.json');
    expect(shards.length).toBeGreaterThan(0);
    expect(new Set(shards).size).toBe(shards.length);
    await page.close();
  });

  it('goes to the results page on Enter when the first suggestion is not clearly ahead', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially('nodes', { delay: 20 });
    await page.locator('#home-search-results[aria-busy="false"] .all-results', { hasText: '“nodes”' }).waitFor();
    await input.press('Enter');
    await page.waitForURL(/\/search\/\?q=nodes$/);
    await page.close();
  });

  it('offers a ticket with the query as subject when no guide answers', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const input = page.locator('#home-search');
    await input.click();
    await input.pressSequentially('kubernetes helm chart', { delay: 20 });
    const option = page.locator('#home-search-results .no-answer a');
    await expect.poll(() => option.textContent(), { timeout: 20_000 }).toBe('No guide answers this — open a ticket');
    expect(await option.getAttribute('href')).toBe('/app/tickets/new?subject=kubernetes%20helm%20chart');
    const results = await browser.newPage();
    await results.goto(`${base}/search/?q=${encodeURIComponent('kubernetes helm chart')}`);
    const link = results.locator('#search-summary a', { hasText: 'Open a ticket' });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    expect(await link.getAttribute('href')).toBe('/app/tickets/new?subject=kubernetes%20helm%20chart');
    await page.close();
    await results.close();
  });

  it('moves through suggestions with the arrow keys, and "/" focuses the search box', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/guides/containers/`);
    await page.keyboard.press('/');
    const input = page.locator('#site-search');
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('apptainer');
    // wait for the suggestions of the whole word, snippets included (earlier keystrokes answer too)
    await page.locator('#site-search-results[aria-busy="false"] .all-results', { hasText: '“apptainer”' }).waitFor();
    const options = page.locator('#site-search-results [role="option"]');
    expect(await options.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    const target = await options.nth(1).locator('a').getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname + url.hash === target);
    await page.close();
  });

  it('renders /search/?q= results on load as links with data-search-result, best first', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/search/?q=${encodeURIComponent('storage quotas')}`);
    const results = page.locator('ol#search-results > li > a[data-search-result]');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await results.first().getAttribute('href')).toBe('/guides/data-transfer/#storage-quotas');
    expect(await page.locator('#page-search').inputValue()).toBe('storage quotas');
    const french = await browser.newPage();
    await french.goto(`${base}/search/?q=${encodeURIComponent('soumettre des tâches')}`);
    const frenchFirst = french.locator('a[data-search-result]').first();
    await expect.poll(() => frenchFirst.textContent(), { timeout: 20_000 }).toContain('Soumettre des tâches avec Slurm');
    expect(await frenchFirst.locator('[lang="fr"]').count()).toBe(1);
    await page.close();
    await french.close();
  });

  it('has no serious or critical axe violations on home, guide, search and 404 pages, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme });
      for (const path of ['/', '/guides/slurm-basics/', '/search/?q=slurm', '/no-such-page/']) {
        const response = await page.goto(`${base}${path}`);
        if (path === '/no-such-page/') expect(response?.status()).toBe(404);
        if (path.startsWith('/search/')) await page.locator('a[data-search-result]').first().waitFor();
        expect(await seriousViolations(page), `${path} (${colorScheme})`).toEqual([]);
      }
      await page.close();
    }
  });
});
