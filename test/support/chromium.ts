// Debian's Chromium for browser tests (no browser downloads here). Locally a missing Chromium skips
// the browser tests with a loud warning; in CI (CI=true) it fails the run, so CI never goes green
// without having run them. Usage in a test file:
//   import { hasChromium, launchChromium } from '../support/chromium.ts';
//   describe.skipIf(!hasChromium)('in the browser', () => { ... });
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function detectChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install -y chromium).`;
  if (process.env.CI === 'true') throw new Error(`${message} Browser tests must run in CI.`);
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED: ${message}\n${bar}\n`);
  return false;
}

export const hasChromium: boolean = detectChromium();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
