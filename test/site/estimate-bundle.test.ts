// The estimator page stays light: the scripts it loads on arrival (the site's page script and the
// estimator's own) are at most 30 KB of gzip together, measured from the files the build writes. The
// search worker loads only when someone searches, as on every page.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleAssets, type BundledAssets } from '../../site/src/build/assets.ts';
import { tempDir } from './helpers.ts';

const LIMIT = 30 * 1024;

describe('the estimator page script', () => {
  let outDir: string;
  let assets: BundledAssets;
  beforeAll(async () => {
    outDir = await tempDir('estimate-size');
    assets = await bundleAssets(outDir);
  });
  afterAll(async () => { await rm(outDir, { recursive: true, force: true }); });

  it('is a separate, precompressed asset', async () => {
    expect(assets.estimate).toMatch(/^\/assets\/estimate-[A-Z0-9]+\.js$/);
    const gz = await readFile(path.join(outDir, `${assets.estimate}.gz`));
    expect(gz.length).toBe(assets.bytes.estimate.gzip);
  });

  it('keeps the page at or under 30 KB of JavaScript (gzip)', () => {
    const total = assets.bytes.js.gzip + assets.bytes.estimate.gzip;
    console.log(`estimator page JS: ${(assets.bytes.estimate.gzip / 1024).toFixed(1)} KB + site script ${(assets.bytes.js.gzip / 1024).toFixed(1)} KB = ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThanOrEqual(LIMIT);
  });
});
