// Routing in Chromium (issue 13): a coordinator sets an absence for Ana; an SME's new LUMI distributed-training
// ticket goes to the next fit expert, the ticket page says why, the acknowledgement names the due time and the
// reference opens the ticket. Coordinators change hours, holidays, SLA and routing and see them saved; an
// expert sets support hours and absences. The new pages are axe clean and fit 390 px, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, goTo, openAs, PHONE, screenshot, seriousViolations, startProduct, USERS, type Product } from './support.ts';

const ZONE = 'Europe/Madrid';
/** A day in Madrid, `offset` days from today, as YYYY-MM-DD. */
const madridDay = (offset = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

async function pageProblems(page: Page, name: string): Promise<string[]> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return [...(wide > 0 ? [`${name}: ${wide} px too wide`] : []), ...(await seriousViolations(page)).map((violation) => `${name}: ${violation}`)];
}

describe.skipIf(!hasChromium)('routing in Chromium', () => {
  let product: Product;
  /** The ticket the first test opens, for the acknowledgement's test. */
  let ticket: { id: string; reference: string; number: number; assigneeId?: string; assigneeName?: string; assignment?: { reason: string }; sla: { firstResponseDue: string }; events: Array<{ type: string; reason?: string }> };
  beforeAll(async () => { product = await startProduct(); }, 180_000);
  afterAll(async () => { await product?.close(); });

  it('a coordinator sets an absence for Ana; a new LUMI distributed-training ticket goes to the next fit expert, with the reason; the reference opens it', async () => {
    const coord = await openAs(product, USERS.coord, { next: '/app/service/experts', timezoneId: ZONE });
    await coord.page.waitForURL(/\/app\/service\/experts/);
    await coord.page.getByRole('cell', { name: /On duty|Off duty|Away|No support/ }).first().waitFor();
    await coord.page.getByLabel('Expert', { exact: true }).selectOption({ label: USERS.ana });
    await coord.page.getByLabel('First day off').fill(madridDay());
    await coord.page.getByLabel('Last day off').fill(madridDay(7));
    await coord.page.getByLabel('Note (optional)').fill('Conference');
    await coord.page.getByRole('button', { name: `Add absence for ${USERS.ana}` }).click();
    await coord.page.getByText(`The absence of ${USERS.ana} is saved.`).waitFor();
    await expect.poll(() => coord.page.getByRole('list', { name: `Absences of ${USERS.ana}` }).textContent()).toContain('Conference');
    const coordApi = await apiAs(product, EMAILS.coord);
    const roster = (await coordApi<{ experts: Array<{ id: string; name: string; absences: Array<{ from: string; until: string }>; duty: { state: string } }> }>('GET', '/api/routing/experts')).data.experts;
    const ana = roster.find((expert) => expert.name === USERS.ana)!;
    expect(ana.absences).toHaveLength(1);
    expect(Date.parse(ana.absences[0]!.from)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(ana.absences[0]!.until)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(ana.duty.state).toBe('away');
    await screenshot(coord.page, 'routing-experts');

    // The SME opens a distributed-training ticket on LUMI.
    const sme = await openAs(product, USERS.maria, { next: '/app/tickets/new', timezoneId: ZONE });
    await sme.page.waitForURL(/\/app\/tickets\/new/);
    await sme.page.getByLabel('Subject').fill('Distributed training with PyTorch DDP hangs at init on LUMI');
    await sme.page.locator('#body').fill('torchrun on 4 nodes of LUMI-G waits forever in init_process_group (NCCL/RCCL).');
    await sme.page.getByLabel('Category').selectOption('ai-training-and-inference');
    await sme.page.getByLabel('System (optional)').selectOption('LUMI');
    await sme.page.getByLabel('Topic (optional)').selectOption('distributed-training');
    await sme.page.getByRole('button', { name: 'Submit ticket' }).click();
    await sme.page.waitForURL(/\/app\/tickets\/(?!new)[^/?]+$/);
    await expect.poll(() => sme.page.locator('h1').textContent()).toContain('PyTorch DDP');

    const created = (await coordApi<{ items: Array<{ id: string; reference: string; number: number; subject: string }> }>('GET', '/api/tickets?q=DDP')).data.items.find((item) => item.subject.includes('PyTorch DDP'))!;
    ticket = (await coordApi<typeof ticket>('GET', `/api/tickets/${created.id}?include=events`)).data;
    expect(ticket.assigneeId).toBeTruthy();
    expect(ticket.assigneeId).not.toBe('u-ana');
    expect(ticket.assignment?.reason).toContain(ticket.assigneeName);
    expect(ticket.events.find((event) => event.type === 'assigned')?.reason).toBe(ticket.assignment?.reason);
    // The requester sees who has it, in the facts.
    await expect.poll(() => sme.page.locator('.facts').textContent()).toContain(ticket.assigneeName!);

    // The reference opens it (any case, or the bare number), and staff read why it went to whom.
    await coord.page.goto(`/app/tickets/${ticket.reference}`);
    await expect.poll(() => coord.page.locator('h1').textContent()).toContain(ticket.reference);
    expect(await coord.page.locator('#assignment-reason').textContent()).toBe(ticket.assignment!.reason);
    await expect.poll(() => coord.page.locator('.history-list').textContent()).toContain(ticket.assignment!.reason);
    // Due times in the viewer's zone.
    const dueText = new Intl.DateTimeFormat(undefined, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(ticket.sla.firstResponseDue));
    expect(await coord.page.locator('.facts').textContent()).toContain(dueText);
    await screenshot(coord.page, 'routing-ticket');
    for (const form of [ticket.reference.toLowerCase(), String(ticket.number)]) {
      await coord.page.goto(`/app/tickets/${form}`);
      await expect.poll(() => coord.page.locator('h1').textContent()).toContain(ticket.reference);
    }
    // Lists link to the reference.
    await goTo(sme.page, '/app/tickets');
    expect(await sme.page.getByRole('link', { name: /PyTorch DDP/ }).first().getAttribute('href')).toBe(`/app/tickets/${ticket.reference}`);
    // Filters apply on change and live in the URL: the reference finds it; the "mine" switch and a category keep it.
    await sme.page.getByLabel('Find').fill(ticket.reference.toLowerCase());
    await sme.page.getByLabel('Find').press('Enter');
    await sme.page.waitForURL((url) => url.searchParams.get('q') === ticket.reference.toLowerCase());
    await expect.poll(() => sme.page.locator('.ticket-table tbody tr').count()).toBe(1);
    await sme.page.getByLabel('Mine').check();
    await sme.page.waitForURL((url) => url.searchParams.get('scope') === 'mine');
    await sme.page.getByText('More filters and order').click();
    await sme.page.getByLabel('Category').selectOption('ai-training-and-inference');
    await sme.page.waitForURL((url) => url.searchParams.get('category') === 'ai-training-and-inference');
    await sme.page.reload();
    await expect.poll(() => sme.page.locator('.ticket-table tbody tr').count()).toBe(1);
    expect(await sme.page.getByLabel('Category').inputValue()).toBe('ai-training-and-inference');
    await sme.page.getByLabel('Category').selectOption('performance');
    await expect.poll(() => sme.page.locator('.ticket-table tbody tr').count()).toBe(0);

    // Staff narrow the queue to one requester; the menu keeps the focus after the list reloads.
    await goTo(coord.page, '/app/tickets');
    await coord.page.getByRole('link', { name: /PyTorch DDP/ }).first().waitFor();
    await coord.page.getByText('More filters and order').click();
    await coord.page.getByLabel('Requester').focus();
    await coord.page.getByLabel('Requester').selectOption({ label: USERS.maria });
    await coord.page.waitForURL((url) => url.searchParams.get('requester') === 'u-maria');
    await coord.page.getByRole('link', { name: /PyTorch DDP/ }).first().waitFor();
    expect(await coord.page.evaluate(() => document.activeElement?.id)).toBe('f-requester');

    // The booking form relates a session to one of the organisation's open tickets, picked by reference and subject.
    await goTo(sme.page, '/app/mentoring');
    await sme.page.getByRole('button', { name: /^See free times with/ }).first().click();
    await expect.poll(() => sme.page.locator('#ticketId option').allTextContents()).toContain(`${ticket.reference} · Distributed training with PyTorch DDP hangs at init on LUMI`);
    expect(await sme.page.locator('#ticketId').inputValue()).toBe('');

    expect(coord.errors).toEqual([]);
    expect(sme.errors).toEqual([]);
    await coord.context.close();
    await sme.context.close();
  }, 120_000);

  it('the requester\'s acknowledgement, read in the outbox, names the reference, the expert and the due time', async () => {
    expect(ticket?.reference).toBeTruthy();
    const sme = await openAs(product, USERS.maria, { timezoneId: ZONE });
    await product.server.events.feed.poll();
    await sme.page.goto('/dev/outbox');
    await sme.page.waitForURL(/\/app\/outbox$/);
    await sme.page.locator('.mail-list li', { hasText: ticket.reference }).first().getByRole('link').click();
    await sme.page.locator('.mail-text').waitFor();
    const mail = (await sme.page.locator('.mail-text').textContent())!;
    expect(mail).toContain(ticket.reference);
    expect(mail).toContain(ticket.assigneeName!);
    expect(mail).toContain(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(ticket.sla.firstResponseDue)));

    expect(sme.errors).toEqual([]);
    await sme.context.close();
  }, 60_000);

  it('a coordinator sees the tickets due while their assignee is away and reassigns them in one action', async () => {
    const coordApi = await apiAs(product, EMAILS.coord);
    const maria = await apiAs(product, EMAILS.maria);
    const created = (await maria<{ id: string; reference: string }>('POST', '/api/tickets', { subject: 'Checkpoint restore fails on Leonardo', body: 'torch.load raises.', category: 'ai-training-and-inference', system: 'Leonardo', priority: 'urgent' })).data;
    const current = await coordApi<{ version: number }>('GET', `/api/tickets/${created.id}`);
    const patched = await coordApi('PATCH', `/api/tickets/${created.id}`, { assigneeId: 'u-giulia' }, { 'If-Match': current.etag! });
    expect(patched.status).toBe(200);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const until = new Date(Date.now() + 14 * 86_400_000).toISOString();
    expect((await coordApi('PUT', '/api/routing/experts/u-giulia/absences', { absences: [{ from, until }] })).status).toBe(200);

    const { page, context, errors } = await openAs(product, USERS.coord, { next: '/app/service/experts' });
    await page.waitForURL(/\/app\/service\/experts/);
    const row = page.getByRole('row', { name: /Giulia Rossi/ });
    await expect.poll(() => row.textContent()).toContain(created.reference);
    await row.getByRole('button', { name: /Reassign \d+ tickets? of Giulia Rossi/ }).click();
    await page.getByText(/\d+ tickets? of Giulia Rossi reassigned\./).waitFor();
    expect(await page.locator('.notice').textContent()).toContain(created.reference);
    const after = (await coordApi<{ assigneeId?: string | null }>('GET', `/api/tickets/${created.id}`)).data;
    expect(after.assigneeId).not.toBe('u-giulia');
    await expect.poll(() => row.textContent()).not.toContain(created.reference);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('coordinators change service hours, holidays, SLA targets and routing, see them saved, and keep unsaved edits over a reload', async () => {
    const coordApi = await apiAs(product, EMAILS.coord);
    const { page, context, errors } = await openAs(product, USERS.coord, { next: '/app/service/hours', timezoneId: ZONE });
    await page.waitForURL(/\/app\/service\/hours/);
    // From the service area's own navigation.
    await page.getByRole('navigation', { name: 'Service' }).getByRole('link', { name: 'Service hours' }).waitFor();

    // A zone that does not exist comes back at its field.
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save service hours' }).click();
    await page.locator('#timeZone-error').waitFor();
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');

    // Edits survive a reload until saved.
    await page.getByLabel('Time zone').fill(ZONE);
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await page.getByLabel('Add a holiday').fill('2027-05-09');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe(ZONE);
    await expect.poll(() => page.getByText('You have changes that are not saved yet.').count()).toBe(1);
    await page.getByRole('button', { name: 'Remove 2026-12-26' }).click();
    await page.getByRole('button', { name: 'Save service hours' }).click();
    await page.getByText('The service hours are saved.').waitFor();
    const hours = (await coordApi<{ timeZone: string; weekly: Array<{ day: string }>; holidays: string[] }>('GET', '/api/settings/service-hours')).data;
    expect(hours.timeZone).toBe(ZONE);
    expect(hours.weekly.filter((window) => window.day === 'sat')).toHaveLength(1);
    expect(hours.holidays).toContain('2027-05-09');
    expect(hours.holidays).not.toContain('2026-12-26');
    await page.reload();
    await expect.poll(() => page.getByRole('list', { name: 'Holidays' }).locator('time[datetime="2027-05-09"]').count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Holidays' }).locator('time[datetime="2026-12-26"]').count()).toBe(0);
    expect(await page.getByText('You have changes that are not saved yet.').count()).toBe(0);

    // SLA: high priority's first answer within 6 hours round the clock.
    await page.getByRole('navigation', { name: 'Service' }).getByRole('link', { name: 'SLA targets' }).click();
    await page.waitForURL(/\/app\/service\/sla/);
    await page.locator('#high-firstResponse-hours').fill('6');
    await page.locator('#high-firstResponse-clock').selectOption('always');
    await page.getByRole('button', { name: 'Save SLA targets' }).click();
    await page.getByText('The SLA targets are saved.').waitFor();
    const sla = (await coordApi<Record<string, { firstResponse: { hours: number; clock: string } }>>('GET', '/api/settings/sla')).data;
    expect(sla.high!.firstResponse).toEqual({ hours: 6, clock: 'always' });
    // A requester choosing a priority reads the targets as saved, not the built-in ones.
    const requester = await openAs(product, USERS.maria, { next: '/app/tickets/new' });
    await requester.page.waitForURL(/\/app\/tickets\/new/);
    await expect.poll(() => requester.page.locator('#priority option[value="high"]').textContent()).toBe('High: answer within 6 h');
    await requester.page.locator('#priority').selectOption('high');
    await expect.poll(() => requester.page.locator('#priority-hint').textContent()).toMatch(/^High: first answer within 6 h, resolved within 45 business hours\.$/);
    expect(requester.errors).toEqual([]);
    await requester.context.close();

    // Routing: an ordered list for jobs and scheduling, reordered by keyboard; auto-assignment off and on.
    await page.getByRole('navigation', { name: 'Service' }).getByRole('link', { name: 'Routing' }).click();
    await page.waitForURL(/\/app\/service\/routing/);
    const jobs = page.getByRole('group', { name: 'Jobs and scheduling' });
    await jobs.getByLabel('These experts, in this order').check();
    for (const name of [USERS.mikko, 'Giulia Rossi']) {
      await jobs.getByLabel('Add an expert').selectOption({ label: name });
      await jobs.getByRole('button', { name: 'Add to Jobs and scheduling' }).click();
    }
    await jobs.getByRole('button', { name: 'Move up Giulia Rossi' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => jobs.getByRole('listitem').first().textContent()).toContain('Giulia Rossi');
    // The focus stays on the moved expert, so the keyboard can go on.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Giulia Rossi');
    await page.getByRole('switch', { name: 'Assign new tickets automatically' }).uncheck();
    await page.getByRole('button', { name: 'Save routing' }).click();
    await page.getByText('The routing is saved.').waitFor();
    let routing = (await coordApi<{ autoAssign: boolean; categories: Record<string, unknown> }>('GET', '/api/settings/routing')).data;
    expect(routing.autoAssign).toBe(false);
    expect(routing.categories['jobs-and-scheduling']).toEqual(['u-giulia', 'u-mikko']);
    await page.getByRole('switch', { name: 'Assign new tickets automatically' }).check();
    await page.getByRole('button', { name: 'Save routing' }).click();
    await page.getByText('The routing is saved.').waitFor();
    routing = (await coordApi<{ autoAssign: boolean; categories: Record<string, unknown> }>('GET', '/api/settings/routing')).data;
    expect(routing.autoAssign).toBe(true);

    expect(errors.filter((error) => !error.startsWith('HTTP 400'))).toEqual([]);
    await context.close();
  }, 120_000);

  it('an expert sets support hours and an absence, and removes it', async () => {
    const { page, context, errors } = await openAs(product, USERS.mikko, { next: '/app/support-hours', timezoneId: 'Europe/Helsinki' });
    await page.waitForURL(/\/app\/support-hours/);
    await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Support hours' }).waitFor();
    // The seed gives Mikko hours of his own (Helsinki, 09:00–17:00 on weekdays): he shortens Mondays.
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('Europe/Helsinki');
    await page.getByLabel('Monday until').first().fill('16:00');
    await page.getByRole('button', { name: 'Save support hours' }).click();
    await page.getByText('Your support hours are saved.').waitFor();
    const mikko = await apiAs(product, EMAILS.mikko);
    const own = (await mikko<{ timeZone: string; weekly: Array<{ day: string; start: string; end: string }>; followsServiceHours: boolean }>('GET', '/api/experts/me/support-hours')).data;
    expect(own).toMatchObject({ timeZone: 'Europe/Helsinki', followsServiceHours: false });
    expect(own.weekly.filter((window) => window.day === 'mon')).toEqual([{ day: 'mon', start: '09:00', end: '16:00' }]);
    // And back to the service hours.
    await page.getByRole('button', { name: 'Follow the service hours instead' }).click();
    await page.getByText('You follow the support centre\'s service hours.').waitFor();
    expect((await mikko<{ followsServiceHours: boolean }>('GET', '/api/experts/me/support-hours')).data.followsServiceHours).toBe(true);

    await page.getByLabel('First day off').fill('2027-01-04');
    await page.getByLabel('Last day off').fill('2027-01-08');
    await page.getByRole('button', { name: 'Add absence' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Your absences' }).count()).toBe(1);
    expect((await mikko<{ absences: unknown[] }>('GET', '/api/experts/me/absences')).data.absences).toEqual([
      expect.objectContaining({ from: '2027-01-04T00:00:00+02:00', until: '2027-01-09T00:00:00+02:00' }),
    ]);
    await page.getByRole('list', { name: 'Your absences' }).getByRole('button', { name: /Remove/ }).click();
    await page.getByText('No absences planned.').waitFor();
    expect((await mikko<{ absences: unknown[] }>('GET', '/api/experts/me/absences')).data.absences).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('the new pages are axe clean and fit 390 px, light and dark', async () => {
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const coord = await openAs(product, USERS.coord, { viewport: PHONE, colorScheme });
      for (const path of ['/app/service/hours', '/app/service/sla', '/app/service/routing', '/app/service/experts']) {
        await coord.page.goto(path);
        await coord.page.locator('h1').waitFor();
        await coord.page.waitForFunction(() => !document.querySelector('.loading'));
        failures.push(...(await pageProblems(coord.page, `${path} ${colorScheme}`)));
        await screenshot(coord.page, `screenshots/${path.split('/').at(-1)}-390-${colorScheme}`);
      }
      await coord.context.close();
      const expert = await openAs(product, USERS.ana, { viewport: PHONE, colorScheme, next: '/app/support-hours' });
      await expert.page.waitForURL(/support-hours/);
      await expert.page.waitForFunction(() => !document.querySelector('.loading'));
      failures.push(...(await pageProblems(expert.page, `/app/support-hours ${colorScheme}`)));
      await expert.context.close();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
