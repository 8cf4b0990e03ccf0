// The helpdesk in Chromium: a ticket from an SME's first keystroke to the coordinator's figures, a
// deflection, two experts editing one ticket, and hostile Markdown that must stay inert.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, productForSuite, screenshot, USERS } from './support.ts';

const figureValue = (page: Page, label: string) => page.locator('.figure', { has: page.locator('dt', { hasText: label }) }).locator('.figure-value').textContent();

describe.skipIf(!hasChromium)('helpdesk pages in Chromium', () => {
  const product = productForSuite();
  beforeAll(async () => {
    // These flows are about people handling tickets by hand (taking, assigning); routing has its own test (routing.test.ts).
    const coordApi = await apiAs(product, EMAILS.coord);
    expect((await coordApi('PUT', '/api/settings/routing', { autoAssign: false, categories: {} })).status).toBe(200);
  });

  it('an SME opens a ticket after seeing suggestions; an expert answers and notes; the SME reopens; the coordinator sees it counted', async () => {
    const coordApi = await apiAs(product, EMAILS.coord);
    const before = (await coordApi<{ created: number; backlog: { total: number } }>('GET', '/api/stats?days=30')).data;

    // The SME arrives from a guide's "Still stuck?" link.
    const sme = await openAs(product, USERS.maria, { next: '/app/tickets/new?category=jobs-and-scheduling&guide=slurm-basics' });
    await sme.page.waitForURL(/\/app\/tickets\/new/);
    await expect.poll(() => sme.page.getByLabel('Category').inputValue()).toBe('jobs-and-scheduling');
    await sme.page.getByLabel('Subject').pressSequentially('My job stays pending', { delay: 15 });
    await sme.page.locator('#body').fill('squeue shows my job waiting with reason Priority for hours.');
    const suggestions = sme.page.locator('.suggestions li');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    expect(await suggestions.count()).toBeLessThanOrEqual(3);
    expect(await sme.page.locator('.suggestions').textContent()).toContain('Submitting jobs with Slurm');
    await screenshot(sme.page, 'new-ticket-with-suggestions');
    await sme.page.getByRole('button', { name: 'Submit ticket' }).click();
    await sme.page.waitForURL(/\/app\/tickets\/(?!new)[^/?]+$/);
    const ticketUrl = new URL(sme.page.url()).pathname;
    await expect.poll(() => sme.page.locator('h1').textContent()).toContain('My job stays pending');
    expect(await sme.page.locator('.thread').textContent()).toContain('slurm-basics');

    // The expert takes it from the queue, replies publicly and adds an internal note, then resolves it.
    const expert = await openAs(product, USERS.ana);
    await expert.page.getByRole('link', { name: /My job stays pending/ }).click();
    await expert.page.getByRole('button', { name: 'Take this ticket' }).click();
    await expect.poll(() => expert.page.locator('.facts').textContent()).toContain('Ana García');
    await expert.page.locator('#reply-body').fill('Your fair share is low this week: try `sbatch --begin=now+1hour` or a smaller job.');
    await expert.page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => expert.page.locator('.thread .message').count()).toBe(2);
    await expert.page.getByLabel('Internal note (staff only)').check();
    await expert.page.locator('#reply-body').fill('NOTE-FOR-STAFF: this project used its quota early.');
    await expert.page.getByRole('button', { name: 'Add internal note' }).click();
    await expect.poll(() => expert.page.locator('.thread .message.internal').count()).toBe(1);
    await expert.page.getByLabel('Status').selectOption('resolved');
    await expert.page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => expert.page.locator('.facts .badge').first().textContent()).toBe('Resolved');
    // Staff see the audit trail, oldest first, brought up to date after each change.
    const history = expert.page.locator('.history-list li');
    await expect.poll(async () => (await history.last().textContent())?.replace(/\s+/g, ' ')).toContain('Ana García changed the status from');
    const trail = (await history.allTextContents()).map((line) => line.replace(/\s+/g, ' '));
    expect(trail[0]).toContain('María Ortega opened the ticket');
    expect(trail.findIndex((line) => line.includes('Ana García took the ticket'))).toBeLessThan(trail.findIndex((line) => line.includes('Ana García replied')));
    expect(trail.some((line) => line.includes('Ana García added an internal note'))).toBe(true);
    await screenshot(expert.page, 'ticket-expert-view');

    // The SME sees the reply, never the note, and reopens.
    await sme.page.reload();
    await expect.poll(() => sme.page.locator('.thread').textContent()).toContain('sbatch --begin=now+1hour');
    expect(await sme.page.locator('.thread').textContent()).not.toContain('NOTE-FOR-STAFF');
    expect(await sme.page.locator('.message.internal').count()).toBe(0);
    expect(await sme.page.locator('.history-list').count()).toBe(0);
    await sme.page.getByRole('button', { name: 'Reopen ticket' }).click();
    await expect.poll(() => sme.page.locator('.facts .badge').first().textContent()).toBe('Open');
    await screenshot(sme.page, 'ticket-requester-view');
    expect(sme.errors).toEqual([]);

    // The coordinator's service page counts the new, open ticket.
    const coordinator = await openAs(product, USERS.coord, { next: '/app/service' });
    await coordinator.page.waitForURL(/\/app\/service/);
    await expect.poll(() => figureValue(coordinator.page, 'Open backlog')).toBe(String(before.backlog.total + 1));
    expect(await figureValue(coordinator.page, 'Created / resolved')).toMatch(new RegExp(`^${before.created + 1} / `));
    expect(await coordinator.page.locator('.chart svg rect.bar').count()).toBeGreaterThan(0);
    await screenshot(coordinator.page, 'service');
    // and in the queue, the ticket is there with its state
    await coordinator.page.goto(ticketUrl);
    await expect.poll(() => coordinator.page.locator('.thread').textContent()).toContain('NOTE-FOR-STAFF');
    // A coordinator assigns to any expert.
    await coordinator.page.getByLabel('Assignee').selectOption({ label: 'Mikko Virtanen' });
    await coordinator.page.getByRole('button', { name: 'Save changes' }).click();
    await coordinator.page.getByText('Saved.').waitFor();
    await expect.poll(() => coordinator.page.locator('.facts').textContent()).toContain('Mikko Virtanen');
    await expect.poll(async () => (await coordinator.page.locator('.history-list li').last().textContent())?.replace(/\s+/g, ' ')).toContain('Sam Coordinator assigned it to Mikko Virtanen');
    expect([...expert.errors, ...coordinator.errors]).toEqual([]);
    for (const session of [sme, expert, coordinator]) await session.context.close();
  });

  it('a requester who opens a suggested guide and leaves without submitting is counted as a deflection, once', async () => {
    const coordApi = await apiAs(product, EMAILS.coord);
    const before = (await coordApi<{ deflections: { count: number } }>('GET', '/api/stats?days=30')).data.deflections.count;
    const sme = await openAs(product, USERS.jonas, { next: '/app/tickets/new' });
    await sme.page.waitForURL(/\/app\/tickets\/new/);
    await sme.page.getByLabel('Subject').pressSequentially('copy data with rsync', { delay: 15 });
    const first = sme.page.locator('.suggestions li a').first();
    await first.waitFor();
    const [guideTab] = await Promise.all([sme.context.waitForEvent('page'), first.click()]);
    await guideTab.waitForLoadState();
    expect(new URL(guideTab.url()).pathname).toMatch(/^\/guides\/[a-z0-9-]+\/$/);
    await guideTab.close();
    // Leaving the form: the page goes away (pagehide), the keepalive request carries the deflection.
    await sme.page.goto('/guides/');
    await expect.poll(async () => (await coordApi<{ deflections: { count: number } }>('GET', '/api/stats?days=30')).data.deflections.count).toBe(before + 1);
    await sme.context.close();
  });

  it('when two experts change one ticket, the second is told someone else changed it and sees the current state', async () => {
    const smeApi = await apiAs(product, EMAILS.maria);
    const { data: ticket } = await smeApi<{ id: string }>('POST', '/api/tickets', { subject: 'Quota question for two experts', body: 'How much scratch do we have?', category: 'data-and-storage' });
    const ana = await openAs(product, USERS.ana, { next: `/app/tickets/${ticket.id}` });
    const mikko = await openAs(product, USERS.mikko, { next: `/app/tickets/${ticket.id}` });
    for (const { page } of [ana, mikko]) await page.getByRole('button', { name: 'Save changes' }).waitFor();

    await ana.page.getByLabel('Priority').selectOption('high');
    await ana.page.getByRole('button', { name: 'Save changes' }).click();
    await ana.page.getByText('Saved.').waitFor();

    await mikko.page.getByLabel('Status').selectOption('waiting');
    await mikko.page.getByRole('button', { name: 'Save changes' }).click();
    await mikko.page.getByText('Someone else changed this ticket').waitFor();
    await expect.poll(() => mikko.page.locator('.facts').textContent()).toContain('High');
    expect(await mikko.page.getByLabel('Status').inputValue()).toBe('new');
    await screenshot(mikko.page, 'ticket-conflict');
    // Trying again on the reloaded ticket works.
    await mikko.page.getByLabel('Status').selectOption('waiting');
    await mikko.page.getByRole('button', { name: 'Save changes' }).click();
    await mikko.page.getByText('Saved.').waitFor();
    await expect.poll(() => mikko.page.locator('.facts .badge').first().textContent()).toBe('Waiting');
    for (const session of [ana, mikko]) await session.context.close();
  });

  it('an expert takes a ticket another expert holds, after a question that names them; the requester sees the organisation\'s name', async () => {
    const smeApi = await apiAs(product, EMAILS.maria);
    const coordApi = await apiAs(product, EMAILS.coord);
    const { data: ticket } = await smeApi<{ id: string; version: number }>('POST', '/api/tickets', { subject: 'Held by Mikko, wanted by Ana', body: 'Who has it?', category: 'data-and-storage' });
    const { etag } = await coordApi('GET', `/api/tickets/${ticket.id}`);
    expect((await coordApi('PATCH', `/api/tickets/${ticket.id}`, { assigneeId: 'u-mikko' }, { 'if-match': etag! })).status).toBe(200);

    const ana = await openAs(product, USERS.ana, { next: `/app/tickets/${ticket.id}` });
    await ana.page.getByText('Assigned to Mikko Virtanen.').waitFor();
    await ana.page.getByRole('button', { name: 'Take this ticket' }).click();
    expect(await ana.page.locator('#take-question').textContent()).toBe('Mikko Virtanen has this ticket. Take it from Mikko Virtanen? They will be told it is yours now.');
    await ana.page.getByRole('button', { name: 'Cancel' }).click();
    expect(await ana.page.locator('#take-question').count()).toBe(0);
    await ana.page.getByRole('button', { name: 'Take this ticket' }).click();
    await ana.page.getByRole('button', { name: 'Yes, take it from Mikko Virtanen' }).click();
    await expect.poll(() => ana.page.locator('.facts').textContent()).toContain('Ana García');
    await expect.poll(async () => (await ana.page.locator('.history-list li').last().textContent())?.replace(/\s+/g, ' ')).toContain('Ana García took the ticket from Mikko Virtanen');
    expect(await ana.page.getByRole('button', { name: 'Release it' }).count()).toBe(1);
    // Staff read the requester's organisation by its name, as does the requester.
    expect(await ana.page.locator('.facts').textContent()).toContain('María Ortega (Aurora AI)');
    expect(ana.errors).toEqual([]);
    await ana.context.close();
    const sme = await openAs(product, USERS.maria, { next: `/app/tickets/${ticket.id}` });
    await expect.poll(() => sme.page.locator('.facts').textContent()).toContain('María Ortega (Aurora AI)');
    await sme.context.close();
  });

  it('lists an organisation\'s tickets a page at a time', async () => {
    const leaApi = await apiAs(product, 'lea@basalt-labs.example');
    const existing = (await leaApi<{ items: unknown[] }>('GET', '/api/tickets?limit=100&status=new,open,waiting')).data.items.length;
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(Array.from({ length: 9 }, (_, i) => leaApi('POST', '/api/tickets', { subject: `Bulk question ${batch * 9 + i}`, body: 'Text', category: 'other' })));
    }
    const sme = await openAs(product, USERS.lea);
    const rows = sme.page.locator('table.data tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    await sme.page.getByRole('button', { name: 'Load more tickets' }).click();
    await expect.poll(() => rows.count()).toBe(existing + 54);
    expect(await sme.page.getByRole('button', { name: 'Load more tickets' }).count()).toBe(0);
    await sme.context.close();
  });

  it('hostile Markdown in a ticket and a reply is shown as text and never runs', async () => {
    const payloads = [
      '<img src=x onerror="window.__xss=1;alert(1)">',
      '[click me](javascript:window.__xss=2)',
      '<a href="javascript:window.__xss=3">raw link</a>',
      '<script>window.__xss=4</script>',
      '<svg onload="window.__xss=5"></svg>',
      '<iframe src="javascript:window.__xss=6"></iframe>',
      '`<script>window.__xss=7</script>` shown as code',
      '![tracking pixel](http://tracker.invalid/pixel.png)',
    ].join('\n\n');
    const smeApi = await apiAs(product, EMAILS.maria);
    const anaApi = await apiAs(product, EMAILS.ana);
    const subject = '<img src=x onerror="window.__xss=8">Subject';
    const { data: ticket } = await smeApi<{ id: string }>('POST', '/api/tickets', { subject, body: payloads, category: 'other' });
    expect((await anaApi('POST', `/api/tickets/${ticket.id}/messages`, { body: `Reply:\n\n${payloads}` })).status).toBe(201);

    for (const [name, email] of [[USERS.maria, EMAILS.maria], [USERS.ana, EMAILS.ana]] as const) {
      const session = await openAs(product, name, { next: `/app/tickets/${ticket.id}` });
      const foreignRequests: string[] = [];
      session.page.on('request', (request) => { if (request.url().includes('tracker.invalid')) foreignRequests.push(request.url()); });
      const dialogs: string[] = [];
      session.page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
      await expect.poll(() => session.page.locator('.thread .message').count()).toBe(2);
      await session.page.waitForTimeout(300);
      expect(await session.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      const text = session.page.locator('.user-text');
      expect(await session.page.locator('.user-text script, .user-text iframe, .user-text svg, .user-text [onerror], .user-text [onload]').count()).toBe(0);
      expect(await session.page.locator('.user-text a[href^="javascript:" i]').count()).toBe(0);
      expect(await text.first().textContent()).toContain('<script>window.__xss=7</script>');
      expect(await text.first().textContent()).toContain('click me');
      expect(await session.page.locator('h1').textContent()).toContain('<img src=x onerror="window.__xss=8">Subject');
      // A remote image is shown as its link, never fetched (no tracking pixel tells a third party who reads).
      expect(await session.page.locator('.user-text img[src*="tracker.invalid"]').count()).toBe(0);
      expect(await session.page.locator('.user-text a[href="http://tracker.invalid/pixel.png"]').first().textContent()).toBe('tracking pixel');
      expect(foreignRequests).toEqual([]);
      // The preview of a reply being written is sanitized the same way.
      await session.page.locator('#reply-body').fill(payloads);
      await session.page.getByRole('button', { name: 'Preview' }).click();
      await session.page.locator('.md-preview .user-text').waitFor();
      expect(await session.page.locator('.md-preview').textContent()).toContain('<script>window.__xss=7</script>');
      expect(await session.page.locator('.md-preview script, .md-preview [onerror], .md-preview a[href^="javascript:" i]').count()).toBe(0);
      await session.page.waitForTimeout(200);
      expect(await session.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      // The list shows the subject as text too (the draft is emptied first, or leaving would ask about it).
      await session.page.getByRole('button', { name: 'Write' }).click();
      await session.page.locator('#reply-body').fill('');
      await session.page.getByRole('link', { name: /Queue|My tickets/ }).first().click();
      await session.page.locator('table.data').waitFor();
      expect(await session.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      if (email === EMAILS.ana) await screenshot(session.page, 'queue');
      await session.context.close();
    }
  });
});
