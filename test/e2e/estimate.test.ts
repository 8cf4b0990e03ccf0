// The compute estimator in Chromium: a 7B model on 1T tokens on LUMI-G shows the range, the unit, the
// routes and the paragraph; the URL reproduces it; bad input gets a message beside the field; the page is
// axe clean in light and dark, fits 390 px, works by keyboard; "attach to a ticket" prefills the form.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { openAs, productForSuite, screenshot, seriousViolations, USERS } from './support.ts';

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

describe.skipIf(!hasChromium)('the compute estimator', () => {
  const product = productForSuite();

  it('estimates a 7B model on 1T tokens on LUMI-G, and the link reproduces it', async () => {
    const { page, context, errors } = await openAs(product, undefined);
    await page.goto('/tools/estimate/');
    await page.getByLabel('Workload', { exact: true }).selectOption('pretrain');
    await page.getByLabel('Parameters (billions)', { exact: true }).fill('7');
    await page.getByLabel('Training tokens (billions)', { exact: true }).fill('1000');
    await page.getByLabel('Target system', { exact: true }).selectOption('lumi-g');
    await page.getByLabel('Nodes to use', { exact: true }).fill('64');

    const gpuHours = page.locator('#result-gpu-hours');
    await expect.poll(() => gpuHours.textContent()).toContain('GPU-hours on LUMI-G');
    const likely = Number((await gpuHours.locator('[data-likely]').textContent())!.replace(/,/g, ''));
    const low = Number((await gpuHours.locator('[data-low]').textContent())!.replace(/,/g, ''));
    const high = Number((await gpuHours.locator('[data-high]').textContent())!.replace(/,/g, ''));
    // 6 × 7e9 × 1e12 FLOP at 16 % of 191.5 TFLOP/s per GCD, two GCDs per billed GPU-hour: about 190,400
    expect(likely).toBeGreaterThan(180_000);
    expect(likely).toBeLessThan(200_000);
    expect(low).toBeLessThan(likely);
    expect(high).toBeGreaterThan(likely);
    expect(await gpuHours.locator('[data-unit]').textContent()).toContain('MI250X module (2 GCDs)');
    expect(await page.locator('#result-wall').textContent()).toContain('64 nodes');
    expect(await page.locator('[data-route="large-scale"]').getAttribute('data-fit')).toBe('fits');
    expect(await page.locator('[data-route="fast-lane"]').getAttribute('data-fit')).toBe('too-large');
    await expect.poll(() => page.locator('#justification').inputValue()).toContain('**Justification of resources.**');
    const paragraph = await page.locator('#justification').inputValue();
    expect(paragraph).toMatch(/Pre-training of a 7B-parameter model on 1,000B training tokens/);
    expect(paragraph).toContain('AI Factories Large Scale');

    // every number explains itself
    await page.locator('#result-gpu-hours details.how summary').click();
    expect(await page.locator('#result-gpu-hours details.how').textContent()).toContain('node-hours × 4');

    const url = page.url();
    expect(new URL(url).searchParams.get('nodes')).toBe('64');
    const again = await context.newPage();
    await again.goto(url);
    await expect.poll(() => again.locator('#result-gpu-hours [data-likely]').textContent()).toBe(await gpuHours.locator('[data-likely]').textContent());
    expect(await again.getByLabel('Nodes to use', { exact: true }).inputValue()).toBe('64');
    expect(await again.locator('#justification').inputValue()).toBe(paragraph);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'estimate-lumi-7b');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('puts a message beside a bad field and never shows NaN', async () => {
    const { page, context } = await openAs(product, undefined);
    await page.goto('/tools/estimate/?params=7');
    await page.getByLabel('Parameters (billions)', { exact: true }).fill('-3');
    const message = page.locator('#est-params-error');
    await expect.poll(() => message.textContent()).toMatch(/at least/);
    expect(await page.getByLabel('Parameters (billions)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Parameters (billions)', { exact: true }).getAttribute('aria-describedby')).toContain('est-params-error');
    await page.getByLabel('Target system', { exact: true }).selectOption('leonardo-booster');
    await page.getByLabel('Precision', { exact: true }).selectOption('fp8');
    await expect.poll(() => page.locator('#est-precision-error').textContent()).toContain('no fp8');
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|Infinity/);
    expect(await page.locator('#estimate-invalid').textContent()).toContain('Fix the 2 fields');
    await context.close();
  });

  it('fits a 390 px phone, in dark mode, axe clean, and works by keyboard', async () => {
    const { page, context } = await openAs(product, undefined, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tools/estimate/?workload=full-ft&params=70&system=meluxina-gpu&nodes=1&zero=0&checkpointing=off');
    await expect.poll(() => page.locator('#memory-verdict').textContent()).toContain('Does not fit');
    expect(await page.locator('.advice').textContent()).toContain('ZeRO-3');
    await noSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'estimate-phone-dark');

    // keyboard only: Tab to the workload, change it with the arrow keys, the estimate follows
    await page.locator('#est-workload').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('workload')).toBe('lora');
    await expect.poll(() => page.locator('#memory-verdict').textContent()).toMatch(/Fits|Does not fit/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('est-params');
    await context.close();
  });

  it('attaches the estimate to a new ticket in the access category', async () => {
    const { page, context } = await openAs(product, USERS.maria);
    await page.goto('/tools/estimate/?params=7&tokens=1000');
    const link = page.locator('#attach-ticket');
    await link.waitFor();
    const paragraph = await page.locator('#justification').inputValue();
    await link.click();
    await page.waitForURL((url) => url.pathname === '/app/tickets/new');
    await expect.poll(() => page.locator('#subject').inputValue()).toContain('7B parameters on LUMI-G');
    expect(await page.locator('#category').inputValue()).toBe('access-and-allocations');
    expect(await page.locator('#system').inputValue()).toBe('LUMI');
    expect(await page.locator('#body').inputValue()).toBe(paragraph);
    expect(await page.locator('#estimate-hint a').getAttribute('href')).toBe('/tools/estimate/');
    await context.close();
  });

  it('is in the site navigation and the sitemap', async () => {
    const { page, context } = await openAs(product, undefined);
    await page.goto('/');
    expect(await page.locator('nav.main-nav a[href="/tools/estimate/"]').count()).toBe(1);
    const sitemap = await (await fetch(`${product.base}/sitemap.xml`)).text();
    expect(sitemap).toContain('/tools/estimate/</loc>');
    await context.close();
  });
});
