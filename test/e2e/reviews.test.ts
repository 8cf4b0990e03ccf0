// Guide reviews in Chromium: an expert sees only their own guides that are due, a coordinator every guide
// with its owner and Check notes; a guide page shows its review line and Check note; axe in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { fixtureVariant, guideSource, removeTempDirs } from '../site/helpers.ts';
import { openAs, screenshot, seriousViolations, startProduct, USERS, type Product } from './support.ts';

const today = new Date().toISOString().slice(0, 10);
const experts = JSON.stringify({
  experts: [{ id: 'u-ana', name: 'Ana García' }, { id: 'u-mikko', name: 'Mikko Virtanen' }, { id: 'u-giulia', name: 'Giulia Rossi' }],
});
const guide = (title: string, reviewed: string, owner: string, body = 'Some text.\n') =>
  guideSource(`title: "${title}"\nsummary: "For the review page."\ntags: [review]\nreviewed: ${reviewed}\nowner: ${owner}`, body);

describe.skipIf(!hasChromium)('guide reviews in Chromium', () => {
  let product: Product;
  beforeAll(async () => {
    const contentDir = await fixtureVariant({
      'experts.json': experts,
      'guides/ana-overdue.md': guide('Ana overdue guide', '2020-01-15', 'u-ana', [
        'Intro.',
        '',
        '## Limits',
        '',
        '> [!CHECK] source=https://docs.example.eu/limits/ checked=2020-01-15',
        '> The partition time limits.',
        '',
      ].join('\n')),
      'guides/ana-fresh.md': guide('Ana fresh guide', today, 'u-ana'),
      'guides/mikko-overdue.md': guide('Mikko overdue guide', '2020-02-01', 'u-mikko'),
    });
    product = await startProduct({ contentDir });
  });
  afterAll(async () => {
    await product?.close();
    await removeTempDirs();
  });

  it('an expert reaches Reviews from the navigation and sees only their own guides that are due, with Check notes', async () => {
    const ana = await openAs(product, USERS.ana);
    await ana.page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Reviews' }).click();
    await ana.page.waitForURL(/\/app\/reviews/);
    await ana.page.getByRole('heading', { name: 'Your guides due for review (1)' }).waitFor();
    const cards = ana.page.locator('.review-card');
    expect(await cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toContain('Ana overdue guide');
    expect(await card.locator('.badge').textContent()).toBe('Overdue');
    expect(await card.getByRole('link', { name: 'The partition time limits.' }).getAttribute('href')).toBe('/guides/ana-overdue/#limits');
    expect(await card.getByRole('link', { name: /docs\.example\.eu/ }).getAttribute('href')).toBe('https://docs.example.eu/limits/');
    const text = await ana.page.locator('main').textContent();
    expect(text).not.toContain('Mikko overdue guide');
    expect(text).not.toContain('Ana fresh guide');
    expect(text).toContain('You own 2 guides, 1 due for review.');
    expect(await card.locator('.review-facts').textContent()).toContain('Last reviewed15 January 2020');
    // All of them on request (second outside review: "You own 2 guides" listed only one).
    await ana.page.getByLabel('Show all my guides').check();
    await ana.page.getByRole('heading', { name: 'Your guides (2)' }).waitFor();
    expect(await ana.page.locator('.review-card', { hasText: 'Ana fresh guide' }).locator('.muted').first().textContent()).toBe('Nothing in this guide is marked to re-check.');
    expect(await seriousViolations(ana.page)).toEqual([]);
    expect(ana.errors).toEqual([]);
    await ana.context.close();
  });

  it('a coordinator sees every guide with its owner, and can narrow the list to those due', async () => {
    const coord = await openAs(product, USERS.coord, { next: '/app/reviews' });
    await coord.page.waitForURL(/\/app\/reviews/);
    await coord.page.getByRole('heading', { name: /^All guides \(\d+\)$/ }).waitFor();
    const titles = async () => coord.page.locator('.review-card h3 a').allTextContents();
    const all = await titles();
    expect(all).toEqual(expect.arrayContaining(['Ana overdue guide', 'Ana fresh guide', 'Mikko overdue guide', 'Running containers with Apptainer']));
    const mikko = coord.page.locator('.review-card', { hasText: 'Mikko overdue guide' });
    expect(await mikko.locator('.review-facts').textContent()).toContain('OwnerMikko Virtanen');
    const unowned = coord.page.locator('.review-card', { hasText: 'Running containers with Apptainer' });
    expect(await unowned.locator('.badge').textContent()).toBe('Never reviewed');
    expect(await unowned.locator('.review-facts').textContent()).toContain('OwnerNobody');

    await coord.page.getByLabel('Show only guides due for review').check();
    await coord.page.getByRole('heading', { name: /^Guides due for review \(\d+\)$/ }).waitFor();
    const due = await titles();
    expect(due).toContain('Mikko overdue guide');
    expect(due).not.toContain('Ana fresh guide');
    expect(due.length).toBe(all.length - 1);
    expect(await seriousViolations(coord.page)).toEqual([]);
    expect(coord.errors).toEqual([]);
    await coord.context.close();
  });

  it('a requester cannot open the review page', async () => {
    const maria = await openAs(product, USERS.maria);
    expect(await maria.page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Reviews' }).count()).toBe(0);
    await maria.page.goto('/app/reviews');
    await maria.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await maria.page.locator('.review-card').count()).toBe(0);
    await maria.context.close();
  });

  it('is usable in dark mode on a phone, and a guide\'s Check note is axe clean in both schemes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const coord = await openAs(product, USERS.coord, { colorScheme, next: '/app/reviews' });
      await coord.page.setViewportSize({ width: 390, height: 844 });
      await coord.page.locator('.review-card').first().waitFor();
      expect(await seriousViolations(coord.page), `review page, ${colorScheme}`).toEqual([]);
      expect(await coord.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (colorScheme === 'dark') await screenshot(coord.page, 'reviews-dark-phone');
      await coord.page.goto('/guides/ana-overdue/');
      await coord.page.locator('.check-note').waitFor();
      expect(await coord.page.locator('.reviewed').textContent()).toBe('Last reviewed on 15 January 2020 by Ana García');
      expect(await seriousViolations(coord.page), `guide page, ${colorScheme}`).toEqual([]);
      await coord.context.close();
    }
  });
});
