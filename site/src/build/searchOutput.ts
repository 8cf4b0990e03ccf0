// Writes the search files: the index head, its postings in shards, the docs table, section texts in
// chunks (all content-hashed, precompressed) and search/manifest.json naming them. Pages carry the
// manifest too, so a page's first search fetches the index without asking for the manifest first.
import { gzipSync } from 'node:zlib';
import { buildSearchFiles } from './searchFiles.ts';
import { contentHash, type OutputWriter } from './output.ts';
import { SHARD_BYTES, splitIndex } from '../search/shards.ts';
import type { SearchManifest } from '../search/types.ts';
import type { SiteModel } from './model.ts';
import type { FileSize } from './buildSite.ts';

/** guides per file of section texts (see SearchManifest.textChunk) */
const TEXT_CHUNK = 8;

export interface WrittenSearch {
  manifest: SearchManifest;
  sectionCount: number;
  /** the index's head (dictionary, field lengths) */
  index: FileSize;
  /** the postings shards, all together */
  postings: FileSize & { files: number };
  docs: FileSize;
}

/** `worker`: the search worker script's URL from the site root (/assets/…). */
export function writeSearchFiles(out: OutputWriter, model: SiteModel, worker: string): WrittenSearch {
  const search = buildSearchFiles(model);
  const docsJson = JSON.stringify(search.docs);
  const searchHash = contentHash(search.index);
  const { head, shards } = splitIndex(search.index, SHARD_BYTES);
  const manifest: SearchManifest = {
    version: 1,
    index: `assets/search/index-${searchHash}.bin`,
    postings: `assets/search/postings-${searchHash}/`,
    shardBytes: SHARD_BYTES,
    docs: `assets/search/docs-${contentHash(docsJson)}.json`,
    text: `assets/search/text-${searchHash}/`,
    textChunk: TEXT_CHUNK,
    worker: worker.slice(1),
  };
  const written = (file: string, data: string | Uint8Array): FileSize => {
    const compressed = gzipSync(data);
    out.write(file, data);
    out.write(`${file}.gz`, compressed);
    return { raw: typeof data === 'string' ? Buffer.byteLength(data) : data.length, gzip: compressed.length };
  };
  const index = written(manifest.index, head);
  const postings = { raw: 0, gzip: 0, files: shards.length };
  shards.forEach((shard, number) => {
    const size = written(`${manifest.postings}${number}.bin`, shard);
    postings.raw += size.raw;
    postings.gzip += size.gzip;
  });
  const docs = written(manifest.docs, docsJson);
  for (let first = 0; first < search.texts.length; first += TEXT_CHUNK) {
    out.write(`${manifest.text}${first / TEXT_CHUNK}.json`, JSON.stringify(search.texts.slice(first, first + TEXT_CHUNK)));
  }
  out.write('search/manifest.json', JSON.stringify(manifest));
  return { manifest, sectionCount: search.sectionCount, index, postings, docs };
}
