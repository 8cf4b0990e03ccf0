// Writes the search files: the index head, its postings in shards, the docs table, section texts in
// chunks (all with hashed names, precompressed) and search/manifest.json naming them. Pages carry the
// manifest too, so a page's first search fetches the index without asking for the manifest first.
//
// The manifest is planned before the index is computed, so the pages (which carry it) are written
// while the index is computed: the index's name hashes what it is built from (the section documents)
// and the code that builds it (every file of src/search, lunr's and lunr-languages' versions). The
// build is deterministic, so the same name means the same bytes, as immutable caching requires.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { searchInputs, type SearchInputs } from './searchFiles.ts';
import { contentHash, type OutputWriter } from './output.ts';
import { buildIndexContent } from '../search/indexer.ts';
import { encodeIndex } from '../search/format.ts';
import { SHARD_BYTES, splitIndex } from '../search/shards.ts';
import type { SearchManifest } from '../search/types.ts';
import type { SiteModel } from './model.ts';
import type { FileSize } from './buildSite.ts';
import { SITE_SOURCE_DIR } from './sourceDir.ts';

/** guides per file of section texts (see SearchManifest.textChunk) */
const TEXT_CHUNK = 8;

let codeFingerprint: string | undefined;

/** The search code and the lunr packages it runs: a change to either changes the index's name. */
function searchCodeFingerprint(sourceDir: string): string {
  if (codeFingerprint) return codeFingerprint;
  const hash = createHash('sha256');
  const searchCode = path.join(sourceDir, 'search');
  for (const name of readdirSync(searchCode).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path.join(searchCode, name)));
  }
  const require = createRequire(import.meta.url);
  for (const pkg of ['lunr', 'lunr-languages']) hash.update(readFileSync(require.resolve(`${pkg}/package.json`)));
  codeFingerprint = hash.digest('hex');
  return codeFingerprint;
}

export interface PlannedSearch {
  inputs: SearchInputs;
  manifest: SearchManifest;
  docsJson: string;
}

export interface WrittenSearch {
  sectionCount: number;
  /** the index's head (dictionary, field lengths) */
  index: FileSize;
  /** the postings shards, all together */
  postings: FileSize & { files: number };
  docs: FileSize;
}

/** The search files' names, before the index is computed. `worker`: the worker script's URL (/assets/…). */
export function planSearchFiles(model: SiteModel, worker: string, sourceDir = SITE_SOURCE_DIR): PlannedSearch {
  const inputs = searchInputs(model);
  const docsJson = JSON.stringify(inputs.docs);
  const searchHash = contentHash(searchCodeFingerprint(sourceDir) + JSON.stringify(inputs.documents));
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
  return { inputs, manifest, docsJson };
}

/** Computes the index and writes every search file the manifest names. */
export function writeSearchFiles(out: OutputWriter, { inputs, manifest, docsJson }: PlannedSearch): WrittenSearch {
  const { head, shards } = splitIndex(encodeIndex(buildIndexContent(inputs.documents)), manifest.shardBytes);
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
  const { texts } = inputs;
  for (let first = 0; first < texts.length; first += TEXT_CHUNK) {
    out.write(`${manifest.text}${first / TEXT_CHUNK}.json`, JSON.stringify(texts.slice(first, first + TEXT_CHUNK)));
  }
  out.write('search/manifest.json', JSON.stringify(manifest));
  return { sectionCount: inputs.documents.length, index, postings, docs };
}
