// Reads a built site's search files from disk, so tests run the browser's search code in Node.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSearchCore, type SearchCore } from '../../site/src/search/core.ts';
import type { DocsTable, SearchManifest } from '../../site/src/search/types.ts';

export async function searchBuiltSite(siteDir: string): Promise<SearchCore> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'search/manifest.json'), 'utf8')) as SearchManifest;
  const json = async <T>(file: string) => JSON.parse(await readFile(path.join(siteDir, file), 'utf8')) as T;
  return createSearchCore(
    {
      index: async () => new Uint8Array(await readFile(path.join(siteDir, manifest.index))),
      postings: {
        shardBytes: manifest.shardBytes,
        shard: async (number) => new Uint8Array(await readFile(path.join(siteDir, `${manifest.postings}${number}.bin`))),
      },
      docs: () => json<DocsTable>(manifest.docs),
      sectionTexts: async (guide) =>
        (await json<string[][]>(`${manifest.text}${Math.floor(guide / manifest.textChunk)}.json`))[guide % manifest.textChunk] ?? [],
    },
    '/',
  );
}
