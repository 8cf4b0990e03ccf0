// Mentoring in Chromium: booking with the slot picker in the viewer's zone, the session list, the .ics,
// cancelling and rescheduling; the expert's availability editor; the coordinator's allowance form.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, productForSuite, screenshot, USERS } from './support.ts';

const VIEWER_ZONE = 'America/New_York';

describe.skipIf(!hasChromium)('mentoring pages in Chromium', () => {
  const product = productForSuite();

  it('an SME books a session in their own time zone, sees it, downloads the .ics, reschedules and cancels it', async () => {
    const sme = await openAs(product, USERS.lea, { next: '/app/mentoring', timezoneId: VIEWER_ZONE });
    await sme.page.waitForURL(/\/app\/mentoring/);
    const remaining = async () => Number((await sme.page.locator('.allowance-note strong').textContent())!.split(' ')[0]);
    await sme.page.locator('.allowance-note').waitFor();
    const before = await remaining();
    await sme.page.getByRole('button', { name: 'See free times with Giulia Rossi' }).click();
    // Focus goes on to the booking form, so a keyboard or screen-reader user lands on it.
    await sme.page.locator('#book-title').waitFor();
    expect(await sme.page.evaluate(() => document.activeElement?.id)).toBe('book-title');
    const note = sme.page.locator('.zone-note');
    await expect.poll(() => note.textContent()).toContain(VIEWER_ZONE);
    expect(await note.textContent()).toContain('Giulia Rossi works in Europe/Rome');

    // The slot's label is its instant in the viewer's zone.
    const first = sme.page.locator('.slot').first();
    const start = await first.locator('input').getAttribute('value');
    const expected = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: VIEWER_ZONE }).format(new Date(start!));
    expect(await first.locator('span').first().textContent()).toBe(expected);
    await first.click();
    await sme.page.getByLabel('What would you like to work on?').fill('Serving a fine-tuned Mistral with vLLM');
    await sme.page.getByLabel('Notes for the expert (optional)').fill('We run on Leonardo Booster.');
    await screenshot(sme.page, 'mentoring-booking');
    await sme.page.getByRole('button', { name: 'Book this session' }).click();
    await sme.page.getByText('Booked: “Serving a fine-tuned Mistral with vLLM”').waitFor();
    await expect.poll(remaining).toBe(before - 30);

    await sme.page.getByRole('link', { name: 'See my sessions' }).click();
    const card = sme.page.locator('.session', { hasText: 'Serving a fine-tuned Mistral with vLLM' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Giulia Rossi');
    await screenshot(sme.page, 'sessions');
    // The expert reads who booked by their organisation's name, not its id.
    const expert = await openAs(product, 'Giulia Rossi', { next: '/app/sessions' });
    const booked = expert.page.locator('.session', { hasText: 'Serving a fine-tuned Mistral with vLLM' });
    await booked.waitFor();
    expect(await booked.textContent()).toContain('Booked by Léa Martin (Basalt Labs)');
    await expert.context.close();

    const [download] = await Promise.all([sme.page.waitForEvent('download'), card.getByRole('button', { name: 'Download .ics' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mentoring-.+\.ics$/);
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Serving a fine-tuned Mistral with vLLM');

    // Reschedule to another free time.
    await card.getByRole('button', { name: 'Reschedule' }).click();
    const other = card.locator('.slot').nth(1);
    const newStart = await other.locator('input').getAttribute('value');
    await other.click();
    await card.getByRole('button', { name: 'Move the session' }).click();
    await sme.page.getByText('Moved “Serving a fine-tuned Mistral with vLLM”').waitFor();
    const leaApi = await apiAs(product, 'lea@basalt-labs.example');
    const listed = (await leaApi<{ items: Array<{ topic: string; start: string }> }>('GET', '/api/bookings')).data.items;
    expect(listed.find((booking) => booking.topic.startsWith('Serving'))?.start).toBe(newStart);

    // Cancel it.
    const moved = sme.page.locator('.session', { hasText: 'Serving a fine-tuned Mistral with vLLM' });
    await moved.getByRole('button', { name: 'Cancel session' }).click();
    await moved.getByLabel(/Reason/).fill('Solved it with the guide');
    await moved.getByRole('button', { name: 'Confirm cancellation' }).click();
    await sme.page.getByText('Cancelled “Serving a fine-tuned Mistral with vLLM”').waitFor();
    await expect.poll(() => sme.page.locator('.session', { hasText: 'Serving a fine-tuned Mistral' }).count()).toBe(0);
    await sme.page.getByRole('link', { name: 'Cancelled' }).click();
    await sme.page.locator('.session', { hasText: 'Serving a fine-tuned Mistral with vLLM' }).waitFor();
    expect(sme.errors).toEqual([]);
    await sme.context.close();
  });

  it('an expert edits the availability: the API names the wrong row, the fix is stored', async () => {
    const expert = await openAs(product, USERS.mikko, { next: '/app/availability' });
    await expert.page.waitForURL(/\/app\/availability/);
    await expect.poll(() => expert.page.getByLabel('Time zone').inputValue()).toBe('Europe/Helsinki');
    expect(await expert.page.getByLabel('Session length').inputValue()).toBe('45');
    await expert.page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    const saturdayFrom = expert.page.getByLabel('Saturday from');
    const saturdayUntil = expert.page.getByLabel('Saturday until');
    await saturdayFrom.fill('14:00');
    await saturdayUntil.fill('10:00');
    await expert.page.getByRole('button', { name: 'Add an exception' }).click();
    await expert.page.getByRole('button', { name: 'Save availability' }).click();
    const rowError = expert.page.locator('.week-grid tr', { hasText: 'Saturday' }).locator('.field-error');
    await rowError.waitFor();
    expect(await saturdayUntil.getAttribute('aria-describedby')).toBe(await rowError.getAttribute('id'));
    await screenshot(expert.page, 'availability-error');
    await saturdayUntil.fill('17:00');
    await expert.page.getByLabel('Buffer between sessions (minutes)').fill('10');
    await expert.page.getByRole('button', { name: 'Save availability' }).click();
    await expert.page.getByText('Your availability is saved.').waitFor();
    const mikkoApi = await apiAs(product, EMAILS.mikko);
    const stored = (await mikkoApi<{ weekly: Array<{ day: string; start: string; end: string }>; exceptions: unknown[]; bufferMinutes: number }>('GET', '/api/experts/me/availability')).data;
    expect(stored.weekly).toContainEqual({ day: 'sat', start: '14:00', end: '17:00' });
    expect(stored.exceptions).toHaveLength(1);
    expect(stored.bufferMinutes).toBe(10);
    await expert.context.close();
  });

  it('a coordinator sees every organisation\'s use, picks one from the list and sets its allowance; a bad value is shown at its field', async () => {
    const coordApi = await apiAs(product, EMAILS.coord);
    const listed = (await coordApi<{ items: Array<{ id: string; name: string; used: number; minutes: number }> }>('GET', '/api/orgs')).data.items;
    const coordinator = await openAs(product, USERS.coord, { next: '/app/service' });
    await coordinator.page.waitForURL(/\/app\/service/);
    const rows = coordinator.page.locator('table.allowances tbody tr');
    await expect.poll(() => rows.count()).toBe(listed.length);
    for (const org of listed) {
      const cells = await rows.filter({ hasText: org.name }).locator('td').allTextContents();
      expect(cells.map(Number)).toEqual([org.minutes, org.used, org.minutes - org.used]);
    }
    await coordinator.page.getByLabel('Organisation').selectOption('aurora-ai');
    await expect.poll(() => coordinator.page.locator('.allowance-now').textContent()).toContain('Aurora AI');
    expect(await coordinator.page.getByLabel('Minutes per quarter').inputValue()).toBe(String(listed.find((org) => org.id === 'aurora-ai')!.minutes));
    await coordinator.page.getByLabel('Minutes per quarter').fill('-5');
    await coordinator.page.getByRole('button', { name: 'Set allowance' }).click();
    const fieldError = coordinator.page.locator('#minutes-error');
    await fieldError.waitFor();
    expect(await coordinator.page.getByLabel('Minutes per quarter').getAttribute('aria-invalid')).toBe('true');
    await coordinator.page.getByLabel('Minutes per quarter').fill('900');
    await coordinator.page.getByRole('button', { name: 'Set allowance' }).click();
    await coordinator.page.getByText('Allowance saved.').waitFor();
    expect(await coordinator.page.locator('.allowance-now').textContent()).toContain('900 minutes');
    expect(await rows.filter({ hasText: 'Aurora AI' }).locator('td').first().textContent()).toBe('900');
    await screenshot(coordinator.page, 'service-allowances');
    expect((await coordApi<{ minutes: number }>('GET', '/api/orgs/aurora-ai/allowance')).data.minutes).toBe(900);
    await coordinator.context.close();
  });
});
