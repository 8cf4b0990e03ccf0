// `npm run bench:attachments`: the log viewer's first screen and last lines of a 50 MB log in Chromium
// (local server), with the bytes each transferred, and the upload rate of a 20 MB file through the local
// server. Targets (issue 16): first screen ≤ 500 ms, last lines ≤ 800 ms, upload ≥ 50 MB/s.
// Options: --runs 5
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalServer } from '../../functions/local/server.ts';
import { buildSite } from '../../site/src/build/buildSite.ts';
import { launchChromium } from '../../test/support/chromium.ts';
import { FIXTURE_CONTENT, signIn } from '../../test/e2e/support.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { median, table } from '../lib/stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const MB = 1024 * 1024;
const TARGETS = { firstMs: 500, lastMs: 800, uploadMBs: 50 };

/** A 50 MB job log (built once, in one buffer). */
function bigLog(bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  let at = 0;
  for (let n = 1; at < bytes; n++) {
    const line = Buffer.from(`step ${n} loss ${(2 + Math.sin(n)).toFixed(4)} lr 3.0e-4 tokens/s 18234${n === 400_000 ? ' RuntimeError: NCCL error' : ''}\n`);
    at += line.copy(buffer, at, 0, Math.min(line.length, bytes - at));
  }
  buffer[bytes - 1] = 0x0a;
  return buffer;
}

process.env.LOG_LEVEL ??= 'SILENT';
const temp = await mkdtemp(path.join(tmpdir(), 'bench-attachments-'));
const siteDir = path.join(temp, 'site');
await buildSite({ contentDir: FIXTURE_CONTENT, outDir: siteDir });
const server = await startLocalServer({ port: 0, siteDir, dataDir: path.join(temp, 'data') });
const browser = await launchChromium();
try {
  const token = await server.idp.tokenFor(seedUser('maria@aurora-ai.example'));
  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${server.url}${url}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const ticket = await call('POST', '/api/tickets', { subject: 'Benchmark ticket', body: 'Logs.', category: 'other' });
  const upload = async (name: string, bytes: Buffer): Promise<{ id: string; ms: number }> => {
    const { id, upload: target } = await call('POST', `/api/tickets/${ticket.id}/attachments`, { filename: name, size: bytes.length, contentType: 'text/plain' });
    const form = new FormData();
    for (const [field, value] of Object.entries(target.fields as Record<string, string>)) form.append(field, value);
    form.append('file', new Blob([bytes as Buffer<ArrayBuffer>]), name);
    const started = performance.now();
    const sent = await fetch(target.url, { method: 'POST', body: form });
    const ms = performance.now() - started;
    if (sent.status !== 204) throw new Error(`upload: ${sent.status}`);
    await call('POST', `/api/tickets/${ticket.id}/attachments/${id}/complete`);
    return { id, ms };
  };

  // Upload rate: a 20 MB file, RUNS times (each a new attachment; the ticket holds 250 MB).
  const twenty = bigLog(20 * MB);
  const uploadMs: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 5); run++) uploadMs.push((await upload(`up-${run}.log`, twenty)).ms);
  const uploadMBs = 20 / (median(uploadMs) / 1000);

  const { id: logId } = await upload('big.log', bigLog(50 * MB));
  const viewer = `/app/tickets/${ticket.id}/attachments/${logId}`;
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'María Ortega');
  let transferred = 0;
  page.on('response', (response) => { if (response.url().includes('/local-blobs/download/')) transferred += Number(response.headers()['content-length'] ?? 0); });

  const first: number[] = [];
  const last: number[] = [];
  const firstBytes: number[] = [];
  const lastBytes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('/app/tickets');
    await page.locator('h1').waitFor();
    transferred = 0;
    // From the click on the link (client-side navigation) to the first lines on screen.
    let started = await page.evaluate(() => performance.now());
    await page.evaluate((to) => { history.pushState(null, '', to); dispatchEvent(new PopStateEvent('popstate')); }, viewer);
    await page.locator('.log-line').first().waitFor();
    first.push((await page.evaluate(() => performance.now())) - started);
    firstBytes.push(transferred);
    transferred = 0;
    started = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Show the end' }).click();
    await page.locator('.log-view[aria-label^="End of"] .log-line').first().waitFor();
    last.push((await page.evaluate(() => performance.now())) - started);
    lastBytes.push(transferred);
  }
  await context.close();

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`Attachments (local server, Chromium ${browser.version()}, ${RUNS} runs, medians)\n`);
  console.log(table(['measure', 'value', 'transferred', 'target', 'met'], [
    ['viewer: first screen of a 50 MB log', `${median(first).toFixed(0)} ms`, kb(median(firstBytes)), `≤ ${TARGETS.firstMs} ms`, median(first) <= TARGETS.firstMs ? 'yes' : 'NO'],
    ['viewer: its last lines', `${median(last).toFixed(0)} ms`, kb(median(lastBytes)), `≤ ${TARGETS.lastMs} ms`, median(last) <= TARGETS.lastMs ? 'yes' : 'NO'],
    ['upload of 20 MB through the local server', `${uploadMBs.toFixed(0)} MB/s (${median(uploadMs).toFixed(0)} ms)`, '20 MB', `≥ ${TARGETS.uploadMBs} MB/s`, uploadMBs >= TARGETS.uploadMBs ? 'yes' : 'NO'],
  ]));
} finally {
  await browser.close();
  await server.close();
  await rm(temp, { recursive: true, force: true });
}
