// What readers could not find, in Chromium: the static pages send anonymous search and "was this helpful"
// events (no cookie, and nothing at all under Global Privacy Control or Do Not Track), and a coordinator
// reads the report on its own page (axe clean in light and dark, no overflow at 390 px).
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { axeViolations } from '../support/axe.ts';
import { apiAs, openAs, PHONE, productForSuite, screenshot, seriousViolations, USERS } from './support.ts';

/** Every request the page makes to the analytics event routes, with its JSON body. */
function analyticsRequests(page: Page): Array<{ path: string; body: Record<string, unknown>; request: Request }> {
  const seen: Array<{ path: string; body: Record<string, unknown>; request: Request }> = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/analytics/')) seen.push({ path, body: JSON.parse(request.postData() ?? '{}'), request });
  });
  return seen;
}

const until = async (check: () => boolean, ms = 6_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
};

describe.skipIf(!hasChromium)('what readers could not find', () => {
  const product = productForSuite();

  it('counts a settled search and the result opened with its position, without a cookie', async () => {
    const { page, context, errors } = await openAs(product, undefined);
    await context.addCookies([{ name: 'probe', value: 'c00k1e', url: product.base }]);
    const sent = analyticsRequests(page);
    await page.goto('/search/?q=sbatch%20queue');
    await page.locator('a[data-search-result]').first().waitFor();
    await until(() => sent.length > 0);
    expect(sent[0]).toMatchObject({ path: '/api/analytics/search', body: { query: 'sbatch queue' } });
    expect(sent[0]!.body.results).toBeGreaterThan(0);
    expect(sent[0]!.body).not.toHaveProperty('opened');
    await page.locator('a[data-search-result]').first().click();
    await until(() => sent.length > 1);
    expect(sent[1]).toMatchObject({ path: '/api/analytics/search', body: { query: 'sbatch queue', opened: 1 } });
    for (const { request } of sent) expect(await request.headerValue('cookie')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts a search the reader leaves before it settles (no guide answers, a ticket at once)', async () => {
    const { page, context, errors } = await openAs(product, undefined);
    const sent = analyticsRequests(page);
    await page.goto('/search/?q=kubernetes%20helm%20chart');
    await page.getByText('No guide answers “kubernetes helm chart”.').waitFor();
    await page.getByRole('link', { name: 'Open a ticket', exact: true }).first().click(); // well within the 1.2 s a search takes to settle
    await page.waitForURL(/\/app\/tickets\/new\?subject=kubernetes/);
    // Counted on the server (the request leaves with the page, which Playwright does not report reliably).
    const coordinator = await apiAs(product, 'coord@support.example');
    const report = async () => (await coordinator<{ noResults: Array<{ query: string; searches: number }> }>('GET', '/api/analytics/report?days=7')).data;
    let counted: { query: string; searches: number } | undefined;
    for (let tries = 0; tries < 30 && !(counted = (await report()).noResults.find((row) => row.query === 'kubernetes helm chart')); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(counted?.searches).toBeGreaterThanOrEqual(1);
    expect(sent.filter((event) => event.body.query === 'kubernetes helm chart').length).toBeLessThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks "Was this guide helpful?" under a guide, by keyboard, and sends the reason', async () => {
    const { page, context, errors } = await openAs(product, undefined, { colorScheme: 'dark' });
    const sent = analyticsRequests(page);
    await page.goto('/guides/slurm-basics/');
    const section = page.getByRole('region', { name: 'Was this guide helpful?' });
    await section.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'No' }).focus();
    await page.keyboard.press('Enter');
    const reason = section.getByLabel(/What was missing or wrong/);
    await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('No example for job arrays');
    await page.keyboard.press('Enter');
    await section.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
    await until(() => sent.length > 0);
    expect(sent.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/api/analytics/feedback', body: { guide: 'slurm-basics', helpful: false, reason: 'No example for job arrays' } },
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'readers/guide-feedback-dark');
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [signal, init] of [
    ['Global Privacy Control', () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })],
    ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
  ] as const) {
    it(`sends nothing when the browser asks for ${signal}, and does not ask for feedback`, async () => {
      const { page, context } = await openAs(product, undefined);
      await context.addInitScript(init);
      const sent = analyticsRequests(page);
      await page.goto('/search/?q=sbatch%20queue');
      await page.locator('a[data-search-result]').first().waitFor();
      const box = page.getByRole('combobox').first();
      await box.fill('kubernetes helm chart');
      await page.waitForTimeout(2_000);
      await page.locator('a[data-search-result]').first().click();
      await page.waitForURL(/\/guides\//);
      await page.waitForTimeout(500);
      expect(await page.locator('[data-guide-feedback]').isHidden()).toBe(true);
      expect(sent).toEqual([]);
      await context.close();
    });
  }

  it('shows a coordinator the to-do list from the counted events, axe clean, at phone width', async () => {
    const events: Array<[string, unknown]> = [
      ['search', { query: 'kubernetes helm chart', results: 0 }],
      ['search', { query: 'Kubernetes helm chart', results: 0 }],
      ['search', { query: 'mig slices', results: 2 }],
      ['feedback', { guide: 'slurm-basics', helpful: false, reason: 'The array example is missing a very long explanation of --array=0-99%10 throttling' }],
    ];
    for (const [kind, body] of events) {
      const response = await product.server.api.request(`/api/analytics/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(202);
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openAs(product, USERS.coord, { colorScheme, viewport: PHONE, next: '/app/readers' });
      await page.getByRole('heading', { level: 1, name: 'What readers could not find' }).waitFor();
      await page.locator('#no-results').getByRole('link', { name: 'kubernetes helm chart' }).waitFor();
      expect(await page.locator('#no-clicks').innerText()).toContain('mig slices');
      expect(await page.getByRole('region', { name: 'Guides rated unhelpful' }).innerText()).toContain('The array example is missing');
      await page.getByRole('heading', { name: 'Guides that spared a ticket' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, `readers/report-390-${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('names each scroll region apart from its section (axe clean, moderate included, at 390 and 1366 px), and a query opened from the report is not counted again', async () => {
    for (const [kind, body] of [['search', { query: 'slurm array kubernetes', results: 0 }], ['search', { query: 'sbatch queue', results: 3 }]] as const) {
      expect((await product.server.api.request(`/api/analytics/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(202);
    }
    for (const viewport of [PHONE, { width: 1366, height: 900 }]) {
      const { page, context, errors } = await openAs(product, USERS.coord, { viewport, next: '/app/readers' });
      await page.locator('#top-queries').getByRole('link', { name: 'sbatch queue' }).waitFor();
      expect(await page.getByRole('region', { name: 'Top searches', exact: true }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Top searches, table' }).locator('table').count()).toBe(1);
      expect(await axeViolations(page, ['minor', 'moderate', 'serious', 'critical'])).toEqual([]);
      if (viewport === PHONE) {
        const sent = analyticsRequests(page);
        await page.locator('#top-queries').getByRole('link', { name: 'sbatch queue' }).click();
        await page.locator('a[data-search-result]').first().waitFor();
        await page.waitForTimeout(2_000);
        await page.locator('a[data-search-result]').first().click();
        await page.waitForURL(/\/guides\//);
        await page.waitForTimeout(500);
        expect(sent).toEqual([]);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('does not show the report to a requester', async () => {
    const { page, context } = await openAs(product, USERS.maria, { next: '/app/readers' });
    await expect.poll(async () => page.locator('main').innerText()).not.toContain('Searches with no result');
    await context.close();
  });
});
