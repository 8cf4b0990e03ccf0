// Every page of the app stays light: at most 100 KB of JavaScript (gzip) on a first visit, counting the
// entry, the page's chunk and every chunk they import statically (the new-ticket page also starts the
// site's search worker, which is counted there).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleApp, staticClosure, type AppBundle } from '../../site/src/build/app.ts';
import { bundleAssets } from '../../site/src/build/assets.ts';
import { ROUTES } from '../../site/src/app/routes.ts';

const LIMIT = 100 * 1024;

describe('the app bundle', () => {
  let outDir: string;
  let app: AppBundle;
  let workerGzip: number;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'app-size-'));
    const assets = await bundleAssets(outDir);
    workerGzip = assets.bytes.worker.gzip;
    app = await bundleApp(outDir, { siteCss: assets.css });
  });
  afterAll(async () => { await rm(outDir, { recursive: true, force: true }); });

  it('is measured for every route from the files written', async () => {
    const entry = Object.keys(app.metafile.outputs).find((file) => app.metafile.outputs[file]!.entryPoint?.endsWith('app/main.ts'))!;
    for (const route of ROUTES) {
      const chunk = Object.keys(app.metafile.outputs).find((file) => app.metafile.outputs[file]!.entryPoint?.endsWith(`app/pages/${route.page}.ts`))!;
      const files = new Set([...staticClosure(app.metafile, entry), ...staticClosure(app.metafile, chunk)]);
      let bytes = 0;
      for (const file of files) bytes += (await readFile(`${file}.gz`)).length;
      expect(app.routeGzip[route.pattern], route.pattern).toBe(bytes);
    }
  });

  it('keeps each page at or under 100 KB of JavaScript (gzip)', () => {
    const sizes = { ...app.routeGzip, 'tickets/new': app.routeGzip['tickets/new']! + workerGzip };
    console.log(Object.entries(sizes).map(([route, bytes]) => `${route}: ${(bytes / 1024).toFixed(1)} KB`).join(', '));
    for (const [route, bytes] of Object.entries(sizes)) expect(bytes, route).toBeLessThanOrEqual(LIMIT);
  });

  it('loads pages on demand: the entry does not carry the Markdown renderer or the search client', () => {
    const entry = Object.entries(app.metafile.outputs).find(([, meta]) => meta.entryPoint?.endsWith('app/main.ts'))![0];
    const inputs = [...staticClosure(app.metafile, entry)].flatMap((file) => Object.keys(app.metafile.outputs[file]!.inputs));
    expect(inputs.some((input) => input.includes('node_modules/marked'))).toBe(false);
    expect(inputs.some((input) => input.includes('node_modules/dompurify'))).toBe(false);
    expect(inputs.some((input) => input.includes('site/src/search/'))).toBe(false);
    expect(inputs.some((input) => input.includes('node_modules/preact'))).toBe(true);
  });

  it('writes the shell for the app root and each static page, with the hashed entry and both stylesheets', async () => {
    for (const folder of ['', 'sign-in', 'tickets/new', 'mentoring', 'service']) {
      const shell = await readFile(path.join(outDir, 'app', folder, 'index.html'), 'utf8');
      expect(shell).toContain(`<script type="module" src="${app.entry}"></script>`);
      expect(shell).toContain(app.css);
      expect(shell).toMatch(/<link rel="stylesheet" href="\/assets\/styles-[^"]+\.css">/);
    }
  });
});
