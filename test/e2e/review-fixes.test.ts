// The second outside review (a new user and an attacker) of issues 14, 15, 19 and 21, each finding in Chromium.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import type { Page } from 'playwright-core';
import { apiAs, EMAILS, openAs, PHONE, productForSuite, seriousViolations, USERS } from './support.ts';

/** Whether the chosen option's text fits the closed menu (a native select cannot wrap: it cuts the text off). */
function selectFits(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = context.measureText(select.selectedOptions[0]!.text).width;
    // The padding and about 1.5rem for the arrow.
    return text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 24 <= select.clientWidth;
  });
}

describe.skipIf(!hasChromium)('second outside review', () => {
  const product = productForSuite();

  it('signing out of the web app also ends the outbox (its HttpOnly cookie is cleared)', async () => {
    const { page, context, errors } = await openAs(product, USERS.maria);
    const outbox = () => page.request.get('/dev/outbox', { headers: { Accept: 'application/json' } });
    expect((await outbox()).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(async () => (await context.cookies()).some((cookie) => cookie.name === 'dev_session')).toBe(false);
    expect((await outbox()).status()).toBe(401);
    expect(errors.filter((error) => !error.includes('/dev/outbox'))).toEqual([]);
    await context.close();
  });

  it('an image in ticket Markdown, raw <img> or ![](…), from this site too, is a link and never fetched', async () => {
    const maria = await apiAs(product, EMAILS.maria);
    const body = 'Raw: <img src="/api/health?raw" alt="raw image">\n\nMarkdown: ![own image](/api/health?markdown)';
    const { data: ticket } = await maria<{ id: string }>('POST', '/api/tickets', { subject: 'Images in a ticket', body, category: 'other' });
    const { page, context } = await openAs(product, USERS.ana, { next: `/app/tickets/${ticket.id}` });
    const fetched: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/api/health')) fetched.push(request.url()); });
    await page.reload();
    await page.locator('.user-text').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('.user-text img').count()).toBe(0);
    expect(await page.locator('.user-text a', { hasText: 'own image' }).getAttribute('href')).toBe(`${product.base}/api/health?markdown`);
    expect(await page.locator('.user-text a', { hasText: 'raw image' }).count()).toBe(1);
    expect(fetched).toEqual([]);
    await context.close();
  });

  it('a booking being written survives a reload; once booked, the confirmation takes focus in view and the draft is gone', async () => {
    const { page, context, errors } = await openAs(product, USERS.lea, { next: '/app/mentoring' });
    await page.getByRole('button', { name: 'See free times with Giulia Rossi' }).click();
    const slot = page.locator('.slot').nth(2);
    const start = await slot.locator('input').getAttribute('value');
    await slot.click();
    await page.getByLabel('What would you like to work on?').fill('Profiling a data loader');
    await page.getByLabel('Notes for the expert (optional)').fill('PyTorch on MareNostrum 5');
    await page.reload();
    await expect.poll(() => page.getByLabel('What would you like to work on?').inputValue()).toBe('Profiling a data loader');
    expect(await page.getByLabel('Notes for the expert (optional)').inputValue()).toBe('PyTorch on MareNostrum 5');
    expect(await page.locator(`.slot input[value="${start}"]`).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Book this session' }).click();
    const notice = page.locator('#booked-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Booked: “Profiling a data loader”');
    expect(await seriousViolations(page)).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('booked-notice');
    const box = (await notice.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith('.booking')))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a requester\'s sessions say they are the organisation\'s and who booked each colleague\'s; the outbox is in the local menu', async () => {
    const { page, context, errors } = await openAs(product, USERS.jonas, { next: '/app/sessions' });
    await page.getByRole('heading', { name: 'Your organisation\'s sessions' }).waitFor();
    await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'My tickets' }).click();
    await page.getByText('Aurora AI\'s tickets with their status and service level.').waitFor();
    await page.goBack();
    const card = page.locator('.session', { hasText: 'Scaling FSDP from one to four LUMI-G nodes' });
    await card.waitFor();
    expect(await card.locator('.booked-by').textContent()).toBe('Booked by María Ortega');
    expect(await seriousViolations(page)).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'App' });
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await nav.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();

    const own = await openAs(product, USERS.maria, { next: '/app/sessions' });
    await own.page.locator('.session', { hasText: 'Scaling FSDP from one to four LUMI-G nodes' }).waitFor();
    expect(await own.page.locator('.booked-by').count()).toBe(0);
    await own.context.close();
  });

  it('an estimate link to a new ticket over an unsent draft asks which to keep', async () => {
    const { page, context, errors } = await openAs(product, USERS.maria, { next: '/app/tickets/new', colorScheme: 'dark', viewport: PHONE });
    await page.getByLabel('Subject').fill('My own half-written question');
    const estimate = `/app/tickets/new?${new URLSearchParams({ subject: 'Compute estimate: 1,200 GPU hours', body: 'Estimate body', system: 'LUMI' })}`;
    await page.goto(estimate);
    const notice = page.locator('#draft-conflict');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('You have an unsent draft');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByLabel('Subject').inputValue()).toBe('My own half-written question');
    await notice.getByRole('button', { name: 'Keep my draft' }).click();
    expect(await notice.count()).toBe(0);
    expect(await page.getByLabel('Subject').inputValue()).toBe('My own half-written question');

    await page.reload();
    await page.locator('#draft-conflict').getByRole('button', { name: 'Replace it with the estimate' }).click();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Compute estimate: 1,200 GPU hours');
    expect(await page.locator('#system').inputValue()).toBe('LUMI');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('subject');
    // Now the draft is the estimate: the same link asks nothing.
    await page.reload();
    await page.getByLabel('Subject').waitFor();
    expect(await page.locator('#draft-conflict').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a search\'s "open a ticket" link over an unsent draft says it brings a subject from a search, and replaces only the subject', async () => {
    const { page, context, errors } = await openAs(product, USERS.maria, { next: '/app/tickets/new' });
    await page.getByLabel('Subject').fill('Quota on LUMI');
    await page.locator('#body').fill('Our project ran out of storage quota yesterday.');
    await page.goto('/search/?q=kubernetes%20helm%20chart');
    await page.goto(`/app/tickets/new?${new URLSearchParams({ subject: 'kubernetes helm chart' })}`);
    const notice = page.locator('#draft-conflict');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('You have an unsent draft (“Quota on LUMI”); the link you followed brings the subject “kubernetes helm chart” from a search.');
    expect(await notice.textContent()).not.toContain('estimate');
    expect(await seriousViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Use the subject from the search' }).click();
    expect(await page.getByLabel('Subject').inputValue()).toBe('kubernetes helm chart');
    expect(await page.locator('#body').inputValue()).toBe('Our project ran out of storage quota yesterday.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the estimator puts every input in the URL from the first estimate, and tells a screen reader the number it shows', async () => {
    const { page, context, errors } = await openAs(product, undefined);
    await page.goto('/tools/estimate/');
    await expect.poll(() => new URL(page.url()).searchParams.get('system')).not.toBeNull();
    const shownLikely = await page.locator('#result-gpu-hours [data-likely]').textContent();
    await expect.poll(() => page.locator('#estimate-status').textContent(), { timeout: 5_000 }).toContain(`about ${shownLikely} GPU-hours`);
    // No breadcrumb to a /tools/ page that does not exist.
    expect(await page.locator('.breadcrumbs').textContent()).not.toContain('Tools');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on a phone the code Copy button sits above the first line, and the priority menu is not cut off (phone, staff sidebar at 1366)', async () => {
    const phone = await openAs(product, USERS.maria, { viewport: PHONE });
    await phone.page.goto('/guides/slurm-basics/');
    const block = phone.page.locator('.code-block').first();
    const button = (await block.locator('.copy-code').boundingBox())!;
    const firstLine = await block.locator('pre code').evaluate((code) => {
      const range = document.createRange();
      range.setStart(code.firstChild!, 0);
      range.setEnd(code.firstChild!, 1);
      return range.getBoundingClientRect().top;
    });
    expect(button.y + button.height).toBeLessThanOrEqual(firstLine);
    await phone.page.goto('/app/tickets/new');
    for (const priority of ['low', 'normal', 'high', 'urgent']) {
      await phone.page.locator('#priority').selectOption(priority);
      expect(await selectFits(phone.page, '#priority'), priority).toBe(true);
    }
    await phone.context.close();

    const maria = await apiAs(product, EMAILS.maria);
    const { data: ticket } = await maria<{ id: string }>('POST', '/api/tickets', { subject: 'Priority menu width', body: 'Body.', category: 'other', priority: 'urgent' });
    const staff = await openAs(product, USERS.ana, { viewport: { width: 1366, height: 768 }, next: `/app/tickets/${ticket.id}` });
    await staff.page.locator('#priority').waitFor();
    expect(await selectFits(staff.page, '#priority')).toBe(true);
    expect(await staff.page.locator('#priority-hint').textContent()).toContain('first answer within');
    await staff.context.close();
  });
});
