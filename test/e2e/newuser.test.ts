// What a new user tripped over (issue 15), each in Chromium: phones, drafts, sessions across tabs, the
// mentoring slot picker and filters, and the small things (wording, links, copy buttons, favicon, outbox).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, PHONE, productForSuite, USERS } from './support.ts';

async function top(page: Page, selector: string): Promise<number> {
  return (await page.locator(selector).first().boundingBox())!.y;
}

describe.skipIf(!hasChromium)('what a new user tripped over', () => {
  const product = productForSuite();
  let ticketId: string;
  beforeAll(async () => {
    const maria = await apiAs(product, EMAILS.maria);
    ticketId = (await maria<{ id: string }>('POST', '/api/tickets', { subject: 'Job stuck in pending', body: 'Nothing runs.', category: 'other' })).data.id;
  });

  describe('on a phone', () => {
    it('lists tickets as cards, not a squeezed table', async () => {
      const { page, context } = await openAs(product, USERS.maria, { viewport: PHONE });
      await page.goto('/app/tickets');
      await page.locator('.ticket-card').first().waitFor();
      expect(await page.locator('table.data').isVisible()).toBe(false);
      const card = page.locator('.ticket-card', { hasText: 'Job stuck in pending' });
      expect(await card.locator('.badge').count()).toBeGreaterThanOrEqual(2);
      expect((await card.boundingBox())!.width).toBeGreaterThan(300);
      await context.close();
    });

    it('folds the navigation into a menu that works by keyboard', async () => {
      const { page, context } = await openAs(product, USERS.maria, { viewport: PHONE });
      await page.goto('/app/tickets');
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      expect((await page.locator('header.site-header').boundingBox())!.height).toBeLessThan(120);
      expect(await page.getByRole('link', { name: 'Mentoring' }).isVisible()).toBe(false);
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      expect(await menu.getAttribute('aria-controls')).toBe('app-menu');
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('My tickets');
      expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
      // Following a link closes the menu.
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Mentoring' }).click();
      await page.waitForURL(/\/app\/mentoring/);
      await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
      await context.close();
    });

    it('shows guide suggestions between the subject and the description', async () => {
      const { page, context } = await openAs(product, USERS.maria, { viewport: PHONE });
      await page.goto('/app/tickets/new');
      await page.locator('#subject').pressSequentially('pending reason', { delay: 10 });
      await page.locator('.suggestions li').first().waitFor();
      const suggestions = await top(page, '.suggestions');
      expect(suggestions).toBeGreaterThan(await top(page, '#subject'));
      expect(suggestions).toBeLessThan(await top(page, '#body'));
      await page.locator('#body').fill('');
      await context.close();
    });
  });

  describe('work that must never be lost', () => {
    it('keeps a new ticket\'s draft across a refresh and a detour, asks before leaving, and clears it once submitted', async () => {
      const { page, context } = await openAs(product, USERS.jonas);
      await page.goto('/app/tickets/new');
      await page.locator('#subject').fill('Draft that must survive');
      await page.locator('#body').fill('Long description typed on a train.');
      await page.reload();
      await page.locator('#subject').waitFor();
      expect(await page.locator('#subject').inputValue()).toBe('Draft that must survive');
      expect(await page.locator('#body').inputValue()).toBe('Long description typed on a train.');

      // Leaving through a link inside the app asks first; "stay" keeps the page.
      const questions: string[] = [];
      page.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.dismiss(); });
      await page.getByRole('link', { name: 'My tickets' }).click();
      expect(questions[0]).toContain('not sent yet');
      expect(new URL(page.url()).pathname).toBe('/app/tickets/new');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('link', { name: 'My tickets' }).click();
      await page.waitForURL(/\/app\/tickets$/);
      await page.getByRole('link', { name: 'New ticket' }).first().click();
      await page.locator('#subject').waitFor();
      expect(await page.locator('#subject').inputValue()).toBe('Draft that must survive');

      // Closing the tab with unsent text: the browser's own "leave site?" question.
      const unload = await context.newPage();
      await unload.goto('/app/tickets/new');
      await unload.locator('#subject').waitFor();
      await unload.locator('#body').click();
      await unload.keyboard.type(' more');
      const asked = new Promise<string>((resolve) => unload.once('dialog', (dialog) => { resolve(dialog.type()); void dialog.dismiss(); }));
      await unload.close({ runBeforeUnload: true });
      expect(await asked).toBe('beforeunload');

      await page.getByRole('button', { name: 'Submit ticket' }).click();
      // A new ticket opens at its reference, the id people see.
      await page.waitForURL(/\/app\/tickets\/HD-\d+$/);
      await page.goto('/app/tickets/new');
      await page.locator('#subject').waitFor();
      expect(await page.locator('#subject').inputValue()).toBe('');
      // Another user of the same browser never sees Jonas's drafts.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('draft')))).toEqual([]);
      await context.close();
    });

    it('keeps a reply and an internal note as separate drafts per ticket', async () => {
      const { page, context } = await openAs(product, USERS.ana);
      await page.goto(`/app/tickets/${ticketId}`);
      await page.locator('#reply-body').fill('Public answer in progress');
      await page.getByLabel('Internal note (staff only)').check();
      await page.locator('#reply-body').fill('Private note in progress');
      await page.reload();
      await page.locator('#reply-body').waitFor();
      expect(await page.locator('#reply-body').inputValue()).toBe('Public answer in progress');
      await page.getByLabel('Internal note (staff only)').check();
      expect(await page.locator('#reply-body').inputValue()).toBe('Private note in progress');
      await page.getByRole('button', { name: 'Add internal note' }).click();
      await page.locator('.message.internal', { hasText: 'Private note in progress' }).waitFor();
      await page.reload();
      await page.locator('#reply-body').waitFor();
      expect(await page.locator('#reply-body').inputValue()).toBe('Public answer in progress');
      await page.getByLabel('Internal note (staff only)').check();
      expect(await page.locator('#reply-body').inputValue()).toBe('');
      await context.close();
    });

    it('keeps the session in a new tab, and signing out in one tab signs out every tab at once', async () => {
      const { page, context } = await openAs(product, USERS.maria);
      const second = await context.newPage();
      await second.goto(`/app/tickets/${ticketId}`);
      await second.locator('#reply-body').waitFor();
      expect(new URL(second.url()).pathname).toBe(`/app/tickets/${ticketId}`);

      const posted: string[] = [];
      second.on('request', (request) => { if (request.method() === 'POST') posted.push(request.url()); });
      await page.goto('/app/tickets');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await second.waitForURL(/\/app\/sign-in\?next=/);
      expect(new URL(second.url()).searchParams.get('next')).toBe(`/app/tickets/${ticketId}`);
      expect(posted).toEqual([]);
      // A tab that missed the news (no storage event) still sends no token: the session is read from storage.
      const token = await second.evaluate(() => localStorage.getItem('hpc-support.session'));
      expect(token).toBeNull();
      await context.close();
    });
  });

  describe('mentoring', () => {
    it('pages through weeks up to the expert\'s horizon, jumps to a date, and books a time beyond two weeks', async () => {
      // Times follow the person's chosen zone; María's earlier visits (a UTC browser) chose one for her, so she
      // clears it here: with none, the Berlin browser's zone is used.
      expect((await (await apiAs(product, EMAILS.maria))('PUT', '/api/me/preferences', { timeZone: null })).status).toBe(200);
      const { page, context } = await openAs(product, USERS.maria, { timezoneId: 'Europe/Berlin' });
      await page.goto('/app/mentoring');
      await page.getByRole('button', { name: 'See free times with Ana García' }).click();
      await page.locator('.slot').first().waitFor();
      // The missing space: "…Europe/Berlin. Ana García works in…"
      expect(await page.locator('.zone-note').textContent()).toMatch(/Europe\/Berlin\. Ana García works in Europe\/Madrid\./);
      const jump = page.getByLabel('Go to a date');
      const horizon = await jump.getAttribute('max');
      const days = (Date.parse(horizon!) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(55);
      expect(days).toBeLessThan(62);
      const firstWeek = await page.locator('.slot-day legend').first().textContent();
      await page.getByRole('button', { name: 'Next week →' }).click();
      await page.getByRole('button', { name: 'Next week →' }).click();
      await page.getByRole('button', { name: 'Next week →' }).click();
      expect(await page.locator('.slot-day legend').first().textContent()).not.toBe(firstWeek);
      const target = new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10);
      await jump.fill(target);
      await page.locator('.week-label').filter({ hasText: new Intl.DateTimeFormat('en', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${target}T12:00:00Z`)).split(' ')[0]! }).waitFor();
      const slot = page.locator('.slot input').first();
      const start = await slot.getAttribute('value');
      expect(Date.parse(start!) - Date.now()).toBeGreaterThan(40 * 86_400_000);
      await page.locator('.slot').first().click();
      await page.locator('#topic').fill('Scaling FSDP beyond one node');
      await page.getByRole('button', { name: 'Book this session' }).click();
      await page.getByText('Booked:').waitFor();
      await context.close();
    });

    it('offers only languages experts speak, applies filters on change, and a guide\'s "Book a mentor" preselects its topic', async () => {
      const { page, context } = await openAs(product, USERS.maria);
      await page.goto('/app/mentoring');
      await page.locator('.expert').first().waitFor();
      await expect.poll(async () => page.locator('#f-lang option').allTextContents()).toEqual(['Any language', 'English', 'Spanish', 'Italian', 'Finnish']);
      await page.locator('#f-lang').selectOption('fi');
      await page.waitForURL(/lang=fi/);
      await expect.poll(() => page.locator('.expert h2').allTextContents()).toEqual(['Mikko Virtanen']);

      await page.goto('/guides/slurm-basics/');
      const book = page.locator('.still-stuck').getByRole('link', { name: 'Book a mentor' });
      expect(await book.getAttribute('href')).toBe('/app/mentoring/?topic=slurm-basics');
      await book.click();
      await page.locator('.expert').first().waitFor();
      expect(await page.locator('#f-topic').inputValue()).toBe('slurm-basics');
      await page.getByRole('button', { name: /See free times with/ }).first().click();
      expect(await page.locator('#topic').inputValue()).toMatch(/Slurm/);
      await context.close();
    });

    it('warns a coordinator what an allowance below the minutes already used means', async () => {
      const maria = await apiAs(product, EMAILS.maria);
      const slots = await maria<{ slots: Array<{ start: string }> }>('GET', '/api/experts/u-mikko/slots');
      await maria('POST', '/api/bookings', { expertId: 'u-mikko', start: slots.data.slots.at(-1)!.start, topic: 'Apptainer images' });
      const { page, context } = await openAs(product, USERS.coord);
      await page.goto('/app/service');
      await page.locator('#org option[value="aurora-ai"]').waitFor({ state: 'attached' });
      await page.locator('#org').selectOption('aurora-ai');
      await page.locator('#minutes').fill('0');
      const warning = page.locator('#minutes-below-use');
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(/cannot book new sessions until the next quarter; the sessions already booked are kept/);
      await page.locator('#minutes').fill('6000');
      expect(await warning.count()).toBe(0);
      await context.close();
    });
  });

  describe('wording and small things', () => {
    it('shows each priority\'s response targets and applies the status filter on change', async () => {
      const { page, context } = await openAs(product, USERS.maria);
      await page.goto('/app/tickets/new');
      await page.locator('#priority').waitFor();
      expect((await page.locator('#priority option').allTextContents()).find((text) => text.startsWith('Urgent'))).toBe('Urgent: answer within 4 h');
      await page.locator('#priority').selectOption('urgent');
      await expect.poll(() => page.locator('#priority-hint').textContent()).toBe('Urgent: first answer within 4 h, resolved within 2 d.');
      await page.goto('/app/tickets');
      await page.locator('#f-status').waitFor();
      expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
      await page.locator('#f-status').selectOption('closed');
      await page.waitForURL(/status=closed/);
      await context.close();
    });

    it('links the public site to sign-in and the app back to the guides; shows demo logins by name and e-mail; serves a favicon', async () => {
      const { page, context, errors } = await openAs(product, undefined);
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(/\/app\/sign-in/);
      const button = page.getByRole('button', { name: `Sign in as ${USERS.maria}` });
      expect(await button.textContent()).toContain(EMAILS.maria);
      // Her organisation by the name people know it by, not its id.
      expect(await button.textContent()).toContain('(Aurora AI)');
      await button.click();
      await page.waitForURL(/\/app\/tickets/);
      await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Guides' }).click();
      await page.waitForURL(/\/guides\/$/);
      const icon = await page.request.get('/favicon.ico');
      expect(icon.status()).toBe(200);
      expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
      expect(errors.filter((error) => error.includes('favicon'))).toEqual([]);
      await context.close();
    });

    it('filters the systems page to one system', async () => {
      const { page, context } = await openAs(product, undefined);
      await page.goto('/systems/');
      expect(await page.locator('section.system').count()).toBeGreaterThan(2);
      await page.getByRole('navigation', { name: 'Show one system' }).getByRole('link', { name: 'Leonardo' }).click();
      expect(await page.locator('section.system:visible').evaluateAll((sections) => sections.map((section) => section.id))).toEqual(['leonardo']);
      await page.getByRole('link', { name: 'All systems' }).click();
      expect(await page.locator('section.system:visible').count()).toBeGreaterThan(2);
      await context.close();
    });

    it('gives code blocks a copy button that works by keyboard', async () => {
      const { page, context, errors } = await openAs(product, undefined);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: product.base });
      await page.goto('/guides/slurm-basics/');
      const button = page.getByRole('button', { name: 'Copy code block 1' });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => button.textContent()).toBe('Copied');
      const code = await page.locator('.prose pre code').first().textContent();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(errors).toEqual([]);
      await context.close();
    });

    it('shows the outbox as a page: mails newest first, one mail as its recipient sees it', async () => {
      const ana = await apiAs(product, EMAILS.ana);
      await ana('POST', `/api/tickets/${ticketId}/messages`, { body: 'Try `squeue --start`.' });
      await product.server.events.feed.poll();
      const { page, context, errors } = await openAs(product, USERS.maria);
      await page.goto('/dev/outbox');
      await page.waitForURL(/\/app\/outbox$/);
      await page.locator('.mail-list li').first().waitFor();
      // Newest first: the first entry is the last name of the JSON listing (names begin with the sending time).
      const listing = (await (await page.request.get('/dev/outbox', { headers: { Accept: 'application/json' } })).json()) as { items: Array<{ name: string }> };
      const newest = listing.items.map((item) => item.name).sort().at(-1)!;
      expect(await page.locator('.mail-list li a').first().getAttribute('href')).toBe(`/app/outbox?mail=${encodeURIComponent(newest)}`);
      expect(await page.locator('.mail-list time').count()).toBe(listing.items.length);
      const reply = page.locator('.mail-list li', { hasText: EMAILS.maria }).filter({ hasText: 'Job stuck in pending' }).first();
      await reply.getByRole('link').click();
      await page.locator('iframe.mail-frame').waitFor();
      expect(await page.locator('iframe.mail-frame').getAttribute('sandbox')).not.toContain('allow-scripts');
      const frame = page.frameLocator('iframe.mail-frame');
      await expect.poll(() => frame.locator('body').textContent()).toContain('Job stuck in pending');
      // The mail's own inline styles are applied although the page's CSP refuses style attributes.
      // (applied on the frame's load event, which may come a moment after its text is there)
      await expect.poll(() => frame.locator('body').evaluate((body) => getComputedStyle(body).maxWidth)).not.toBe('none');
      expect(await page.locator('.mail-text').textContent()).toContain('Job stuck in pending');
      // A booking's mail carries its calendar invitation as an attachment to download.
      await page.getByRole('link', { name: '← Outbox' }).click();
      await page.locator('.mail-list li', { hasText: /mentor/i }).first().getByRole('link').click();
      const invitation = page.locator('a[download$=".ics"]');
      await invitation.waitFor();
      expect(await invitation.getAttribute('href')).toMatch(/^blob:/);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
});
