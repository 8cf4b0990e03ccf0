// Shared by the site's browser tests: the fixture site built, served on a free port, and Chromium.
import type { AddressInfo } from 'node:net';
import { Hono, type MiddlewareHandler } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium.ts';
import { createSiteApp } from '../../site/server.ts';
import { buildInto, FIXTURE_CONTENT, removeTempDirs } from './helpers.ts';

export interface SiteInChromium {
  /** e.g. http://127.0.0.1:PORT */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `before` sees every request first (e.g. to record or hold some). */
export async function startSiteInChromium(before?: MiddlewareHandler): Promise<SiteInChromium> {
  const { outDir } = await buildInto(FIXTURE_CONTENT);
  const app = new Hono();
  if (before) app.use('*', before);
  app.route('/', createSiteApp(outDir));
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const browser = await launchChromium();
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await removeTempDirs();
    },
  };
}
