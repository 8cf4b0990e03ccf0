// Parse and render results kept between builds (site/src/build/cache.ts): a rebuild reuses every
// unchanged guide and writes the same site; an edited guide is parsed and rendered again.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../site/src/build/buildSite.ts';
import { FIXTURE_CONTENT, fixtureVariant, removeTempDirs, tempDir } from './helpers.ts';

afterAll(removeTempDirs);

async function build(contentDir: string, cacheDir: string) {
  const outDir = path.join(await tempDir('out'), 'site');
  const report = await buildSite({ contentDir, outDir, baseUrl: 'https://support.example.eu', today: '2026-12-06', cacheDir });
  return { outDir, report };
}

async function guideFiles(contentDir: string): Promise<string[]> {
  return (await readdir(path.join(contentDir, 'guides'), { recursive: true })).filter((name) => name.endsWith('.md')).sort();
}

describe('the build cache', () => {
  it('reuses every unchanged guide on a rebuild and writes the same pages and search files', async () => {
    const cacheDir = await tempDir('cache');
    const first = await build(FIXTURE_CONTENT, cacheDir);
    expect(first.report.cache).toEqual({ hits: 0, misses: expect.any(Number) });
    const second = await build(FIXTURE_CONTENT, cacheDir);
    expect(second.report.cache).toEqual({ hits: first.report.cache?.misses, misses: 0 });
    const manifest = JSON.parse(await readFile(path.join(first.outDir, 'search/manifest.json'), 'utf8')) as { index: string; docs: string };
    for (const file of ['index.html', 'guides/slurm-basics/index.html', manifest.index, manifest.docs, 'guides/review.json']) {
      expect((await readFile(path.join(second.outDir, file))).equals(await readFile(path.join(first.outDir, file))), file).toBe(true);
    }
  });

  it('parses and renders an edited guide again, and only it', async () => {
    const content = await fixtureVariant({});
    const cacheDir = await tempDir('cache');
    const first = await build(content, cacheDir);
    const file = path.join(content, 'guides', (await guideFiles(content)).find((name) => name.endsWith('slurm-basics.md')) ?? '');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n## /, '\nA sentence added since the last build.\n\n## '));
    const second = await build(content, cacheDir);
    expect(second.report.cache).toEqual({ hits: (first.report.cache?.misses ?? 0) - 2, misses: 2 });
    expect(await readFile(path.join(second.outDir, 'guides/slurm-basics/index.html'), 'utf8')).toContain('A sentence added since the last build.');
  });

  it('starts empty when the cache file is not one it wrote', async () => {
    const cacheDir = await tempDir('cache');
    await writeFile(path.join(cacheDir, 'render-cache.bin'), 'not a cache');
    const { report } = await build(FIXTURE_CONTENT, cacheDir);
    expect(report.cache?.hits).toBe(0);
    expect(report.guides).toBeGreaterThan(0);
  });
});
