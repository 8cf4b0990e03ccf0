// The search files' names are planned before the index is computed (so pages carrying the manifest
// are written meanwhile): the same guides give the same names and bytes, and a changed guide a new
// index name, as immutable caching of /assets/ requires.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInto, FIXTURE_CONTENT, fixtureVariant, guideSource, removeTempDirs } from './helpers.ts';
import type { SearchManifest } from '../../site/src/search/types.ts';

afterAll(removeTempDirs);

const manifestOf = async (outDir: string) => JSON.parse(await readFile(path.join(outDir, 'search/manifest.json'), 'utf8')) as SearchManifest;

describe('search file names', () => {
  it('are the same, with the same bytes, for the same guides, and carried by every page', async () => {
    const first = await buildInto(FIXTURE_CONTENT);
    const second = await buildInto(FIXTURE_CONTENT);
    const manifest = await manifestOf(first.outDir);
    expect(await manifestOf(second.outDir)).toEqual(manifest);
    for (const file of [manifest.index, `${manifest.postings}0.bin`, manifest.docs, `${manifest.text}0.json`]) {
      expect((await readFile(path.join(second.outDir, file))).equals(await readFile(path.join(first.outDir, file))), file).toBe(true);
    }
    const page = await readFile(path.join(first.outDir, 'guides/slurm-basics/index.html'), 'utf8');
    const inline = /data-search-manifest="([^"]*)"/.exec(page)?.[1]?.replace(/&#34;/g, '"').replace(/&quot;/g, '"');
    expect(JSON.parse(inline ?? '{}')).toEqual(manifest);
  });

  it('change when a guide changes', async () => {
    const before = await manifestOf((await buildInto(FIXTURE_CONTENT)).outDir);
    const content = await fixtureVariant({ 'guides/extra-guide.md': guideSource('title: An extra guide\nsummary: About quotas.\ntags: [storage]') });
    const after = await manifestOf((await buildInto(content)).outDir);
    expect(after.index).not.toBe(before.index);
    expect(after.postings).not.toBe(before.postings);
    expect(after.docs).not.toBe(before.docs);
  });
});
