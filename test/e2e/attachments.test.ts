// Attachments in Chromium: an SME attaches a 5 MB job log to a new ticket and watches it upload; the expert
// opens it in the log viewer, jumps to the first error and links that line in a reply; on a phone too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { goTo, openAs, PHONE, screenshot, seriousViolations, startProduct, USERS, type Product } from './support.ts';

const ERROR_LINE = 30_001;

/** A 5 MB Slurm log whose first error is on ERROR_LINE. */
function jobLog(): string {
  const lines: string[] = [];
  for (let n = 1; n <= 110_000; n++) {
    lines.push(n === ERROR_LINE ? 'RuntimeError: NCCL error in: ProcessGroupNCCL.cpp:1191, unhandled system error' : `step ${String(n).padStart(6, '0')} loss ${(2 + Math.sin(n)).toFixed(4)} lr 3.0e-4 tokens/s 18234`);
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasChromium)('attachments in Chromium', () => {
  let product: Product;
  let folder: string;
  let logPath: string;
  beforeAll(async () => {
    product = await startProduct();
    folder = await mkdtemp(path.join(tmpdir(), 'attach-'));
    logPath = path.join(folder, 'slurm-4711.out');
    await writeFile(logPath, jobLog());
    await writeFile(path.join(folder, 'env.txt'), 'export HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345\n');
  });
  afterAll(async () => {
    await product?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('an SME attaches a 5 MB log with progress; the expert finds the first error and links the line in a reply', async () => {
    const sme = await openAs(product, USERS.maria, { next: '/app/tickets/new' });
    await sme.page.waitForURL(/\/app\/tickets\/new/);
    expect(await sme.page.locator('.attachments-picker').textContent()).toContain('Up to 50 MB per file, 20 files and 250 MB per ticket.');
    await sme.page.getByLabel('Subject').fill('Training dies after 30k steps');
    await sme.page.locator('#body').fill('The log is attached.');
    // A secret is flagged before anything is sent, and the file can be taken out.
    await sme.page.locator('#attachments').setInputFiles(path.join(folder, 'env.txt'));
    await expect.poll(() => sme.page.locator('.attachment-queue').textContent()).toContain('seems to contain a Hugging Face token (line 1)');
    await sme.page.getByRole('button', { name: 'Remove env.txt' }).click();
    await sme.page.locator('#attachments').setInputFiles(logPath);
    await expect.poll(() => sme.page.locator('.attachment-queue').textContent()).toContain('slurm-4711.out');
    // Every value a progress bar shows, recorded in the page as it changes.
    await sme.page.evaluate(() => {
      const seen: number[] = ((window as unknown as { seenProgress: number[] }).seenProgress = []);
      new MutationObserver(() => { for (const bar of document.querySelectorAll('progress')) seen.push((bar as HTMLProgressElement).value); })
        .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    });
    await sme.page.getByRole('button', { name: 'Submit ticket' }).click();
    await sme.page.waitForURL(/\/app\/tickets\/(?!new)[^/?]+$/, { timeout: 30_000 });
    const seen = await sme.page.evaluate(() => (window as unknown as { seenProgress: number[] }).seenProgress);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBe(1);
    const ticketPath = new URL(sme.page.url()).pathname;
    await expect.poll(() => sme.page.locator('.attachments').textContent()).toContain('slurm-4711.out');
    expect(await sme.page.locator('.attachments').textContent()).toContain('5.');

    const expert = await openAs(product, USERS.ana);
    await goTo(expert.page, ticketPath);
    await expert.page.getByRole('link', { name: 'View slurm-4711.out' }).click();
    await expect.poll(() => expert.page.locator('h1').textContent()).toContain('slurm-4711.out');
    await expect.poll(() => expert.page.locator('.log-line').count()).toBeGreaterThan(100);
    await expert.page.getByRole('button', { name: 'Jump to the first error' }).click();
    await expect.poll(() => expert.page.url(), { timeout: 20_000 }).toMatch(new RegExp(`#L${ERROR_LINE}$`));
    expect(await expert.page.locator(`#L${ERROR_LINE}`).textContent()).toContain('RuntimeError: NCCL error');
    const lineLink = await expert.page.getByLabel(`Link to line ${ERROR_LINE} (paste it into a reply)`).inputValue();
    expect(lineLink).toMatch(new RegExp(`/app/tickets/[^/]+/attachments/[^/]+#L${ERROR_LINE}$`));
    expect(await seriousViolations(expert.page)).toEqual([]);
    await screenshot(expert.page, 'log-viewer-first-error');

    await goTo(expert.page, ticketPath);
    await expert.page.locator('#reply-body').fill(`The first error is here: ${lineLink}`);
    await expert.page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => expert.page.locator('.thread').textContent()).toContain(`#L${ERROR_LINE}`);

    // The requester follows the link on a phone: the viewer opens at the line.
    const phone = await openAs(product, USERS.maria, { viewport: PHONE, next: new URL(lineLink).pathname + new URL(lineLink).hash });
    await expect.poll(() => phone.page.locator(`#L${ERROR_LINE}.selected`).count(), { timeout: 20_000 }).toBe(1);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'log-viewer-phone');
    for (const session of [sme, expert, phone]) {
      expect(session.errors.filter((e) => !e.includes('HTTP 404 /favicon'))).toEqual([]);
      await session.context.close();
    }
  }, 120_000);

  // A file name that is markup and too long for a phone's line: shown as text, wrapped, axe clean, in both schemes.
  const HOSTILE = '<img src=x onerror=alert(1)> very-long-file-name-without-any-break-points-at-all-for-a-phone.log';
  for (const [width, colorScheme] of [[PHONE.width, 'dark'], [PHONE.width, 'light'], [1366, 'dark']] as const) {
    it(`attaching and listing files at ${width} px, ${colorScheme}: axe clean, nothing wider than the screen, names as text`, async () => {
      await writeFile(path.join(folder, HOSTILE), 'srun: error: nid001234: task 3: Exited with exit code 1\n');
      const sme = await openAs(product, USERS.maria, { next: '/app/tickets/new', colorScheme, viewport: { width, height: 900 } });
      await sme.page.waitForURL(/\/app\/tickets\/new/);
      await sme.page.getByLabel('Subject').fill(`Files at ${width} px in ${colorScheme}`);
      await sme.page.locator('#body').fill('Two files attached.');
      await sme.page.locator('#attachments').setInputFiles([path.join(folder, 'env.txt'), path.join(folder, HOSTILE)]);
      await expect.poll(() => sme.page.locator('.attachment-queue').textContent()).toContain('very-long-file-name');
      const wider = () => sme.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(await wider()).toBeLessThanOrEqual(0);
      expect(await seriousViolations(sme.page)).toEqual([]);
      await sme.page.getByRole('button', { name: 'Submit ticket' }).click();
      await sme.page.waitForURL(/\/app\/tickets\/(?!new)[^/?]+$/, { timeout: 30_000 });
      await expect.poll(() => sme.page.locator('.attachments li').count()).toBe(2);
      expect(await sme.page.locator('.attachments').textContent()).toContain(HOSTILE);
      expect(await sme.page.locator('.attachments img').count()).toBe(0);
      expect(await wider()).toBeLessThanOrEqual(0);
      expect(await seriousViolations(sme.page)).toEqual([]);
      await screenshot(sme.page, `attachments-${width}-${colorScheme}`);
      expect(sme.errors.filter((e) => !e.includes('HTTP 404 /favicon'))).toEqual([]);
      await sme.context.close();
    }, 60_000);
  }
});
