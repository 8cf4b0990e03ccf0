// Shared by the browser tests: the product on fresh data (site built into a temp folder, the local
// server with its seed on a free port), Debian's Chromium, sign-in, axe-core and screenshots.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { buildSite } from '../../site/src/build/buildSite.ts';
import { launchChromium } from '../support/chromium.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_CONTENT = path.join(ROOT, 'test/site/fixtures/content');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
/** The real knowledge base (all guides), for tests that must see every page. */
export const REAL_CONTENT = path.join(ROOT, 'content');

export const USERS = {
  maria: 'María Ortega',
  jonas: 'Jonas Weber',
  lea: 'Léa Martin',
  ana: 'Ana García',
  mikko: 'Mikko Virtanen',
  coord: 'Sam Coordinator',
} as const;

export interface Product {
  server: LocalServer;
  base: string;
  browser: Browser;
  siteDir: string;
  close(): Promise<void>;
}

/** One server and one browser per test file; every user gets their own context (their own tab storage). */
export async function startProduct(options: { contentDir?: string } = {}): Promise<Product> {
  process.env.LOG_LEVEL ??= 'SILENT';
  const temp = await mkdtemp(path.join(tmpdir(), 'e2e-'));
  const siteDir = path.join(temp, 'site');
  await buildSite({ contentDir: options.contentDir ?? FIXTURE_CONTENT, outDir: siteDir });
  // The server sends the production security headers (site/security-headers.ts); its CSP also allows the
  // hosted-sign-in test's stand-in for Cognito, as the deployed one allows Cognito.
  const server = await startLocalServer({ port: 0, siteDir, signInOrigin: SIGN_IN_ORIGIN });
  const browser = await launchChromium();
  return {
    server, base: server.url, browser, siteDir,
    async close() {
      await browser.close();
      await server.close();
      await rm(temp, { recursive: true, force: true });
    },
  };
}

/**
 * The product for the tests of the enclosing describe: started in a beforeAll, closed in an afterAll. The object
 * is filled in when the product has started, so tests (and later beforeAll hooks, which run after this one) use it
 * as they would startProduct's result.
 */
export function productForSuite(options: { contentDir?: string } = {}, startTimeout?: number): Product {
  const product = {} as Product;
  beforeAll(async () => { Object.assign(product, await startProduct(options)); }, startTimeout);
  afterAll(async () => { await product.close?.(); });
  return product;
}

/** Where the hosted-sign-in test's stand-in for Cognito lives. */
export const SIGN_IN_ORIGIN = 'https://auth.support-centre.test';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** uncaught page errors and console errors, to assert none happened */
  errors: string[];
}

export const PHONE = { width: 390, height: 844 } as const;

export async function openAs(product: Product, name: string | undefined, options: { colorScheme?: 'light' | 'dark'; next?: string; timezoneId?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const context = await product.browser.newContext({
    baseURL: product.base, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true, viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  // Fail a step with its locator well before the test's own timeout.
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`); });
  if (name) await signIn(page, name, options.next);
  return { context, page, errors };
}

export async function signIn(page: Page, name: string, next?: string): Promise<void> {
  await page.goto(`/app/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/sign-in'));
  // The app's menu (folded behind a Menu button on a phone) is there once signed in.
  await page.locator('#app-menu').waitFor({ state: 'attached' });
}

/** Navigation inside the app through its own links (the client-side router). */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

export { seriousViolations } from '../support/axe.ts';

export async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
}

/** A token for a seeded user, to prepare or check data through the API beside the browser. */
export async function apiAs(product: Product, email: string) {
  const { seedUser } = await import('../../functions/local/seed-data.ts');
  const token = await product.server.idp.tokenFor(seedUser(email));
  return async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; data: T; etag: string | null }> => {
    const response = await fetch(`${product.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, data: (text && response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text) as T, etag: response.headers.get('ETag') };
  };
}

export const EMAILS = {
  maria: 'maria@aurora-ai.example',
  jonas: 'jonas@aurora-ai.example',
  lea: 'lea@basalt-labs.example',
  ana: 'ana@support.example',
  mikko: 'mikko@support.example',
  coord: 'coord@support.example',
} as const;
