// Every page of the app through axe-core in light and dark schemes, keyboard focus after navigation,
// and what a lapsed session does.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, screenshot, productForSuite, seriousViolations, USERS } from './support.ts';

/** Each page as the role that uses it, with what must be on screen before it is checked. */
interface Visit {
  as: string | undefined;
  path: string;
  ready: string;
  prepare?(page: Page): Promise<void>;
}

describe.skipIf(!hasChromium)('accessibility of the app in Chromium', () => {
  const product = productForSuite();
  let ticketId: string;
  beforeAll(async () => {
    const maria = await apiAs(product, EMAILS.maria);
    const ana = await apiAs(product, EMAILS.ana);
    ticketId = (await maria<{ id: string }>('POST', '/api/tickets', { subject: 'GPU job fails with NCCL timeout', body: 'Log:\n\n```\nNCCL WARN Timeout\n```\n\n- tried 2 nodes\n- tried 4 nodes', category: 'ai-training-and-inference', system: 'LUMI' })).data.id;
    await ana('POST', `/api/tickets/${ticketId}/messages`, { body: 'Set `NCCL_SOCKET_IFNAME=hsn`, see [the guide](/guides/slurm-basics/).' });
    await ana('POST', `/api/tickets/${ticketId}/messages`, { body: 'Internal: check the node list.', internal: true });
  });

  const visits = (): Visit[] => [
    { as: undefined, path: '/app/sign-in', ready: 'button >> text=Sign in as' },
    { as: USERS.maria, path: '/app/tickets', ready: 'table.data' },
    { as: USERS.maria, path: '/app/tickets/new', ready: '#subject', prepare: async (page) => {
      await page.locator('#subject').pressSequentially('pending reason', { delay: 10 });
      await page.locator('.suggestions li').first().waitFor();
    } },
    { as: USERS.maria, path: `/app/tickets/${ticketId}`, ready: '.thread' },
    { as: USERS.maria, path: '/app/mentoring', ready: '.expert', prepare: async (page) => {
      await page.getByRole('button', { name: 'See free times with Ana García' }).click();
      await page.locator('.slot').first().click();
    } },
    { as: USERS.maria, path: '/app/sessions', ready: '.session' },
    { as: USERS.ana, path: '/app/tickets', ready: 'table.data' },
    { as: USERS.ana, path: `/app/tickets/${ticketId}`, ready: '.message.internal' },
    { as: USERS.ana, path: '/app/sessions', ready: '.session' },
    { as: USERS.ana, path: '/app/availability', ready: '.week-grid' },
    { as: USERS.ana, path: '/app/profile', ready: '#meetingLink' },
    { as: USERS.ana, path: '/app/notifications', ready: '.checks' },
    { as: USERS.maria, path: '/app/notifications', ready: '.switches' },
    { as: USERS.coord, path: '/app/tickets', ready: 'table.data' },
    { as: USERS.coord, path: `/app/tickets/${ticketId}`, ready: '#assignee', prepare: async (page) => { await page.locator('.history-list').waitFor(); } },
    { as: USERS.coord, path: '/app/service', ready: '.chart', prepare: async (page) => { await page.locator('table.allowances').waitFor(); } },
    { as: USERS.coord, path: '/app/readers', ready: 'dl.figures' },
    { as: USERS.coord, path: '/app/no-such-page', ready: 'h1 >> text=Page not found' },
  ];

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violation on any page (${scheme})`, async () => {
      const failures: string[] = [];
      // One browser context per role: the session stays in its localStorage while each page is loaded afresh.
      const tabs = new Map<string | undefined, Awaited<ReturnType<typeof openAs>>>();
      for (const visit of visits()) {
        let session = tabs.get(visit.as);
        if (!session) {
          session = await openAs(product, visit.as, { colorScheme: scheme });
          tabs.set(visit.as, session);
        }
        await session.page.goto(visit.path);
        await session.page.locator(visit.ready).first().waitFor();
        await visit.prepare?.(session.page);
        for (const violation of await seriousViolations(session.page)) failures.push(`${visit.path} as ${visit.as ?? 'nobody'}: ${violation}`);
        if (scheme === 'dark' && visit.path === '/app/service') await screenshot(session.page, 'service-dark');
        if (scheme === 'light' && visit.path === '/app/sign-in') await screenshot(session.page, 'sign-in');
        if (scheme === 'light' && visit.path === '/app/mentoring') await screenshot(session.page, 'mentoring-slots');
      }
      for (const session of tabs.values()) await session.context.close();
      expect(failures).toEqual([]);
    }, 120_000); // every page of every role, each with an axe run: minutes on a busy 2-core machine
  }

  it('moves focus to the new page\'s heading after a navigation, and keyboard users reach the nav from the skip link', async () => {
    const session = await openAs(product, USERS.maria);
    const { page } = session;
    await page.goto('/app/tickets');
    await page.locator('table.data').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.getByRole('link', { name: 'Mentoring' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/app\/mentoring/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName + ':' + document.activeElement?.textContent)).toBe('H1:Mentoring');
    expect(await page.title()).toBe('Mentoring · HPC AI Support Centre');
    expect(await page.getByRole('link', { name: 'Mentoring' }).getAttribute('aria-current')).toBe('page');
    await session.context.close();
  });

  it('a session the API no longer accepts sends the user to sign in, and back to where they were', async () => {
    const session = await openAs(product, USERS.maria);
    const { page } = session;
    // A token whose signature the API rejects (401), still "valid" for the page by its expiry.
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('hpc-support.session')!);
      stored.token = stored.token.replace(/\.[^.]+$/, '.invalid-signature');
      localStorage.setItem('hpc-support.session', JSON.stringify(stored));
    });
    await page.goto('/app/sessions?filter=past');
    await page.waitForURL(/\/app\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/app/sessions?filter=past');
    await page.getByRole('button', { name: `Sign in as ${USERS.maria}` }).click();
    await page.waitForURL(/\/app\/sessions\?filter=past/);
    await session.context.close();
  });

  it('runs under the deployed Content-Security-Policy, which refuses inline script', async () => {
    const session = await openAs(product, USERS.maria, { next: '/app/tickets' });
    await session.page.locator('table.data').waitFor();
    const ran = await session.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.append(script);
      return (window as unknown as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    expect(session.errors.some((error) => error.includes('Content Security Policy'))).toBe(true);
    await session.context.close();
  });

  it('shows a role only its pages: a requester opening the service page is told it is not available', async () => {
    const session = await openAs(product, USERS.maria, { next: '/app/service' });
    await session.page.getByRole('heading', { name: 'Not available' }).waitFor();
    expect(await session.page.getByRole('link', { name: 'Service' }).count()).toBe(0);
    await session.context.close();
  });
});
