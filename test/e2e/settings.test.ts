// The people's own settings in Chromium: e-mail preferences per role (mandatory kinds locked, staff's
// categories, the API's refusal shown at its switch), and the expert profile (topic titles, errors by field).
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, PHONE, productForSuite, screenshot, seriousViolations, USERS } from './support.ts';

describe.skipIf(!hasChromium)('settings pages in Chromium', () => {
  const product = productForSuite();

  it('a requester reaches the e-mail preferences from the navigation, turns reminders off and cannot turn booking e-mails off', async () => {
    const sme = await openAs(product, USERS.maria);
    await sme.page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Notifications' }).click();
    await sme.page.waitForURL(/\/app\/notifications/);
    const switches = sme.page.getByRole('switch');
    await expect.poll(() => switches.count(), { timeout: 10_000 }).toBe(5);
    const bookings = sme.page.getByRole('switch', { name: /Mentoring bookings/ });
    expect(await bookings.isChecked()).toBe(true);
    expect(await bookings.isDisabled()).toBe(true);
    await expect.poll(() => sme.page.locator('#kind-bookingChange-hint').textContent()).toContain('cannot be turned off');
    expect(await sme.page.getByRole('group', { name: 'Ticket categories you follow' }).count()).toBe(0);
    await sme.page.getByRole('switch', { name: 'Session reminders' }).uncheck();
    await sme.page.getByRole('button', { name: 'Save preferences' }).click();
    await sme.page.getByText('Your preferences are saved.').waitFor();
    const stored = (await (await apiAs(product, EMAILS.maria))<{ kinds: Record<string, boolean> }>('GET', '/api/me/notifications')).data;
    expect(stored.kinds).toMatchObject({ sessionReminder: false, ticketReply: true, bookingChange: true });
    expect(sme.errors).toEqual([]);
    await sme.context.close();
  });

  it('a requester gets the browser\'s zone on first load, then chooses Italian: the app speaks it at once and after a reload', async () => {
    const sme = await openAs(product, USERS.lea, { next: '/app/notifications', timezoneId: 'Asia/Tokyo' });
    await sme.page.waitForURL(/\/app\/notifications/);
    const leaApi = await apiAs(product, EMAILS.lea);
    await expect.poll(async () => (await leaApi<{ timeZone: string | null }>('GET', '/api/me/preferences')).data.timeZone, { timeout: 10_000 }).toBe('Asia/Tokyo');
    const form = sme.page.getByRole('form', { name: 'Language and time zone' });
    await expect.poll(() => sme.page.locator('#personal-zone').inputValue(), { timeout: 10_000 }).toBe('Asia/Tokyo');
    await form.getByLabel('Language').selectOption('it');
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Save language and time zone' }).click();
    // A zone that does not exist: the API's message at the field, nothing saved, still English.
    await sme.page.locator('#personal-zone-error').waitFor();
    expect((await leaApi<{ language: string }>('GET', '/api/me/preferences')).data.language).toBe('en');
    await form.getByLabel('Time zone').fill('Europe/Rome');
    await form.getByRole('button', { name: 'Save language and time zone' }).click();
    const nav = sme.page.getByRole('navigation', { name: 'App' });
    await nav.getByRole('link', { name: 'I miei ticket' }).waitFor();
    await sme.page.getByRole('heading', { level: 1, name: 'Notifiche' }).waitFor();
    expect(await sme.page.getByRole('button', { name: 'Salva le preferenze' }).count()).toBe(1);
    expect(await sme.page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect((await leaApi<{ language: string; timeZone: string }>('GET', '/api/me/preferences')).data).toMatchObject({ language: 'it', timeZone: 'Europe/Rome' });
    await sme.page.reload();
    await sme.page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'I miei ticket' }).waitFor();
    await screenshot(sme.page, 'preferences-italian');
    expect(sme.errors.filter((error) => !error.includes('400'))).toEqual([]);
    await sme.context.close();
  });

  it('times show in the zone the person chose, not the browser\'s, with the zone named', async () => {
    const jonasApi = await apiAs(product, EMAILS.jonas);
    expect((await jonasApi('PUT', '/api/me/preferences', { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    const { data: ticket } = await jonasApi<{ reference: string; sla: { firstResponseDue: string } }>('POST', '/api/tickets', { subject: 'Which zone is this due in?', body: 'Asking from New York.', category: 'other' });
    const sme = await openAs(product, USERS.jonas, { next: `/app/tickets/${ticket.reference}`, timezoneId: 'America/New_York' });
    const due = sme.page.locator('.facts time').first();
    await due.waitFor({ timeout: 10_000 });
    const at = new Date(ticket.sla.firstResponseDue);
    const clock = (timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
    expect(clock('Asia/Tokyo')).not.toBe(clock('America/New_York'));
    const shown = await due.textContent();
    expect(shown).toContain(clock('Asia/Tokyo'));
    expect(shown).toContain('(Asia/Tokyo)');
    expect(await sme.page.locator('.facts').textContent()).not.toContain(clock('America/New_York'));
    // The person kept their choice: the browser's zone was not sent over it.
    expect((await jonasApi<{ timeZone: string }>('GET', '/api/me/preferences')).data.timeZone).toBe('Asia/Tokyo');
    expect(sme.errors).toEqual([]);
    await sme.context.close();
  });

  it('a person withdraws their reply-by-e-mail addresses after confirming, by keyboard, on a phone in dark mode', async () => {
    const sme = await openAs(product, USERS.jonas, { next: '/app/notifications', viewport: PHONE, colorScheme: 'dark' });
    const section = sme.page.getByRole('region', { name: 'Reply-by-e-mail addresses' });
    const withdraw = section.getByRole('button', { name: 'Withdraw my reply addresses' });
    await withdraw.waitFor({ timeout: 10_000 });
    expect(await section.textContent()).toContain('reply address of your own');
    await withdraw.focus();
    await sme.page.keyboard.press('Enter');
    // The question takes the focus; keeping them asks nothing of the API and gives the focus back.
    await expect.poll(() => sme.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Withdraw every reply address');
    expect(await seriousViolations(sme.page)).toEqual([]);
    await sme.page.keyboard.press('Tab');
    await sme.page.keyboard.press('Tab');
    await sme.page.keyboard.press('Enter');
    await expect.poll(() => sme.page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Withdraw my reply addresses');
    expect(await section.getByRole('status').count()).toBe(0);
    await sme.page.keyboard.press('Enter');
    await section.getByRole('button', { name: 'Yes, withdraw them' }).click();
    const done = section.getByRole('status');
    await done.waitFor();
    expect(await done.textContent()).toContain('no longer work');
    expect(await sme.page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Withdraw my reply addresses');
    expect(await seriousViolations(sme.page)).toEqual([]);
    expect(await sme.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(sme.page, 'reply-addresses-withdrawn');
    expect(sme.errors).toEqual([]);
    await sme.context.close();
  });

  it('an expert follows ticket categories; a switch forced on a mandatory kind gets the API\'s refusal beside it', async () => {
    const expert = await openAs(product, USERS.mikko, { next: '/app/notifications' });
    await expert.page.waitForURL(/\/app\/notifications/);
    const categories = expert.page.getByRole('group', { name: 'Ticket categories you follow' });
    await categories.getByLabel('Data and storage').check();
    await categories.getByLabel('Performance').check();
    await expert.page.getByRole('switch', { name: 'SLA warnings' }).uncheck();
    await expert.page.getByRole('button', { name: 'Save preferences' }).click();
    await expert.page.getByText('Your preferences are saved.').waitFor();
    const mikkoApi = await apiAs(product, EMAILS.mikko);
    const stored = (await mikkoApi<{ kinds: Record<string, boolean>; categories: string[] }>('GET', '/api/me/notifications')).data;
    expect(new Set(stored.categories)).toEqual(new Set(['data-and-storage', 'performance']));
    expect(stored.kinds.slaWarning).toBe(false);

    // A tampered page (the lock removed) sends the mandatory kind off: the API refuses it and names the switch.
    const breach = expert.page.getByRole('switch', { name: /SLA breaches/ });
    await breach.evaluate((element) => element.removeAttribute('disabled'));
    await breach.uncheck();
    await expert.page.getByRole('button', { name: 'Save preferences' }).click();
    const message = expert.page.locator('#kind-slaBreach-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('cannot be turned off');
    expect(await breach.getAttribute('aria-invalid')).toBe('true');
    expect(await breach.getAttribute('aria-describedby')).toContain('kind-slaBreach-error');
    await screenshot(expert.page, 'notifications-error');
    expect((await mikkoApi<{ kinds: Record<string, boolean> }>('GET', '/api/me/notifications')).data.kinds.slaBreach).toBe(true);
    await expert.context.close();
  });

  it('an expert edits the profile: topics by title, a wrong link and language shown at their fields, the fix stored', async () => {
    const expert = await openAs(product, USERS.ana);
    await expert.page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Profile' }).click();
    await expert.page.waitForURL(/\/app\/profile/);
    const anaApi = await apiAs(product, EMAILS.ana);
    const before = (await anaApi<{ bio: string; expertise: string[]; meetingLink: string }>('GET', '/api/experts/me')).data;
    await expect.poll(() => expert.page.getByLabel('About you').inputValue()).toBe(before.bio);
    expect(await expert.page.getByLabel('Meeting link').inputValue()).toBe(before.meetingLink);
    for (const topic of before.expertise) expect(await expert.page.locator(`#topic-${topic}`).isChecked()).toBe(true);
    // Topics are offered by their knowledge-base titles.
    expect(await expert.page.getByLabel('Batch inference and model serving').isChecked()).toBe(false);

    await expert.page.getByLabel('Meeting link').fill('http://video.example/ana');
    await expert.page.getByLabel('Languages').fill('en, Spanish');
    await expert.page.getByRole('button', { name: 'Save profile' }).click();
    await expert.page.locator('#meetingLink-error').waitFor();
    expect(await expert.page.locator('#languages-error').textContent()).toContain('language code');
    expect(await expert.page.getByLabel('Meeting link').getAttribute('aria-invalid')).toBe('true');
    await screenshot(expert.page, 'profile-error');

    await expert.page.getByLabel('Meeting link').fill('https://video.support.example/ana-2');
    await expert.page.getByLabel('Languages').fill('en, es, pt-BR');
    await expert.page.getByLabel('Skills').fill('FSDP, DeepSpeed, RCCL');
    await expert.page.getByLabel('Batch inference and model serving').check();
    await expert.page.getByRole('button', { name: 'Save profile' }).click();
    await expert.page.getByText('Your profile is saved.').waitFor();
    const after = (await anaApi<{ languages: string[]; skills: string[]; expertise: string[]; meetingLink: string }>('GET', '/api/experts/me')).data;
    expect(after).toMatchObject({ languages: ['en', 'es', 'pt-BR'], skills: ['FSDP', 'DeepSpeed', 'RCCL'], meetingLink: 'https://video.support.example/ana-2' });
    expect(after.expertise).toEqual([...before.expertise, 'inference-serving']);
    await expert.context.close();
  });

  it('a requester who chose French finds the ticket list, a ticket, the new-ticket form and the sessions in French', async () => {
    const mariaApi = await apiAs(product, EMAILS.maria);
    const { data: ticket } = await mariaApi<{ reference: string }>('POST', '/api/tickets', { subject: 'Quota sur LUMI', body: 'Combien reste-t-il ?', category: 'data-and-storage' });
    expect((await mariaApi('PUT', '/api/me/preferences', { language: 'fr' })).status).toBe(200);
    try {
      const sme = await openAs(product, USERS.maria, { next: '/app/tickets', viewport: PHONE, colorScheme: 'dark' });
      const { page } = sme;
      await page.getByRole('heading', { level: 1, name: 'Mes tickets' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'tickets-french-phone-dark');
      // On a phone the list is cards; at 1366 px the table, with its column names.
      await page.locator('.ticket-card').first().waitFor();
      expect(await page.locator('.ticket-cards').textContent()).toContain('Priorité Normale');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('columnheader', { name: 'Dernière activité' }).waitFor();
      expect(await page.getByRole('search', { name: 'Filtrer les tickets' }).getByLabel('Statut').count()).toBe(1);
      expect(await page.getByRole('table').textContent()).toContain('Nouveau');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('link', { name: new RegExp(ticket.reference) }).first().click();
      await page.getByRole('button', { name: 'Envoyer la réponse' }).waitFor();
      expect(await page.locator('.facts').textContent()).toContain('Données et stockage');
      expect(await page.getByRole('button', { name: 'Fermer le ticket' }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'ticket-french');

      await page.goto(`${product.base}/app/tickets/new`);
      await page.getByLabel('Objet').waitFor();
      expect(await page.getByRole('button', { name: 'Envoyer le ticket' }).count()).toBe(1);
      await page.goto(`${product.base}/app/sessions`);
      await page.getByRole('link', { name: 'Réserver une séance' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Quelles séances' }).textContent()).toContain('À venir');
      expect(await seriousViolations(page)).toEqual([]);
      expect(sme.errors).toEqual([]);
      await sme.context.close();
    } finally {
      await mariaApi('PUT', '/api/me/preferences', { language: 'en' });
    }
  });
});
