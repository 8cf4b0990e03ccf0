// Every page of the public site (built from the real content, all guides) and every route of the web app,
// at phone width (390 × 844): nothing may pan sideways, and axe finds no serious or critical violation.
// Screenshots of the main pages at 390 and 1366 px, light and dark, land in test-artifacts/screenshots/.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROUTES } from '../../site/src/app/routes.ts';
import type { Role } from '../../site/src/app/api/types.ts';
import { hasChromium } from '../support/chromium.ts';
import { apiAs, EMAILS, openAs, PHONE, productForSuite, REAL_CONTENT, screenshot, seriousViolations, USERS, type Session } from './support.ts';

/** Who opens a route: the first role it admits (nobody for the public ones). */
const USER_FOR_ROLE: Record<Role, string> = { requester: USERS.maria, expert: USERS.ana, coordinator: USERS.coord };

async function sitePaths(dir: string, base = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, base), { withFileTypes: true })) {
    const relative = path.posix.join(base, entry.name);
    if (entry.isDirectory() && relative !== 'app' && relative !== 'assets') found.push(...(await sitePaths(dir, relative)));
    else if (entry.name === 'index.html' && !relative.startsWith('app')) found.push(`/${base ? `${base}/` : ''}`);
  }
  return found.sort();
}

/** How wide the page is beyond the viewport, and what sticks out (for the failure message). */
async function overflow(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return undefined;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('pre, .table-scroll, .visually-hidden, .slot-days'))
      .slice(-3)
      .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${element.textContent?.slice(0, 40)}"`);
    return `${document.documentElement.scrollWidth} px wide (${culprits.join('; ')})`;
  });
}

describe.skipIf(!hasChromium)('every page at phone width', () => {
  // Building the whole knowledge base takes a while on a busy machine.
  const product = productForSuite({ contentDir: REAL_CONTENT }, 180_000);
  let ticketId: string;
  beforeAll(async () => {
    const maria = await apiAs(product, EMAILS.maria);
    ticketId = (await maria<{ id: string }>('POST', '/api/tickets', {
      subject: 'srun --cpu-bind=mask_cpu:0xfe,0xfe00,0xfe0000 fails with an unexpectedly long error message on LUMI-G',
      body: 'Log:\n\n```\nsrun: error: task 0 launch failed: Unspecified error --cpu-bind=mask_cpu:0xfe,0xfe00,0xfe0000,0xfe000000\n```\n\nSee https://docs.lumi-supercomputer.eu/runjobs/scheduled-jobs/distribution-binding/#gpu-binding-and-numa-domains-very-long',
      category: 'ai-training-and-inference', system: 'LUMI',
    })).data.id;
  });

  it('no page of the public site overflows sideways or has a serious axe violation', async () => {
    const paths = await sitePaths(product.siteDir);
    expect(paths.filter((p) => p.startsWith('/guides/') && p !== '/guides/')).toHaveLength(32);
    expect(paths).toEqual(expect.arrayContaining(['/', '/guides/', '/systems/', '/search/', '/about/', '/tags/']));
    const session = await openAs(product, undefined, { viewport: PHONE });
    const failures: string[] = [];
    for (const pagePath of paths) {
      await session.page.goto(pagePath === '/search/' ? '/search/?q=slurm' : pagePath);
      if (pagePath === '/search/') await session.page.locator('#search-results li').first().waitFor();
      const wide = await overflow(session.page);
      if (wide) failures.push(`${pagePath}: ${wide}`);
      for (const violation of await seriousViolations(session.page)) failures.push(`${pagePath}: ${violation}`);
    }
    await session.context.close();
    expect(failures).toEqual([]);
  }, 300_000);

  it('no route of the app overflows sideways or has a serious axe violation, for the role that uses it', async () => {
    const failures: string[] = [];
    const tabs = new Map<string | undefined, Session>();
    for (const route of ROUTES) {
      const as = route.public ? undefined : USER_FOR_ROLE[route.roles?.[0] ?? 'requester'];
      let session = tabs.get(as);
      if (!session) {
        session = await openAs(product, as, { viewport: PHONE });
        tabs.set(as, session);
      }
      const routePath = `/app/${route.pattern.replace(':id', ticketId)}`;
      await session.page.goto(routePath);
      await session.page.locator('h1').first().waitFor();
      await session.page.waitForFunction(() => !document.querySelector('.loading'));
      const wide = await overflow(session.page);
      if (wide) failures.push(`${routePath}: ${wide}`);
      for (const violation of await seriousViolations(session.page)) failures.push(`${routePath} as ${as ?? 'nobody'}: ${violation}`);
    }
    for (const session of tabs.values()) await session.context.close();
    expect(failures).toEqual([]);
  }, 300_000);

  it('saves screenshots of the main pages at 390 and 1366 px, light and dark', async () => {
    const pages: Array<[string | undefined, string, string]> = [
      [undefined, '/', 'home'], [undefined, '/guides/distributed-training/', 'guide'], [undefined, '/systems/', 'systems'],
      [undefined, '/app/sign-in', 'sign-in'],
      [USERS.maria, '/app/tickets', 'my-tickets'], [USERS.maria, '/app/tickets/new', 'new-ticket'], [USERS.maria, `/app/tickets/${ticketId}`, 'ticket'],
      [USERS.maria, '/app/mentoring', 'mentoring'], [USERS.ana, '/app/tickets', 'queue'], [USERS.coord, '/app/service', 'service'],
      [USERS.coord, '/app/service/experts', 'experts'], [USERS.coord, '/app/service/routing', 'routing'], [USERS.coord, '/app/service/hours', 'service-hours'], [USERS.ana, '/app/support-hours', 'support-hours'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      for (const viewport of [PHONE, { width: 1366, height: 900 }]) {
        const tabs = new Map<string | undefined, Session>();
        for (const [as, pagePath, name] of pages) {
          let session = tabs.get(as);
          if (!session) {
            session = await openAs(product, as, { viewport, colorScheme: scheme });
            tabs.set(as, session);
          }
          await session.page.goto(pagePath);
          await session.page.locator('h1').first().waitFor();
          await session.page.waitForFunction(() => !document.querySelector('.loading'));
          await screenshot(session.page, `screenshots/${name}-${viewport.width}-${scheme}`);
        }
        for (const session of tabs.values()) await session.context.close();
      }
    }
  }, 300_000);
});
