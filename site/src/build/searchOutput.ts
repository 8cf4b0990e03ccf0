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
import type { SearchInputs } from './searchFiles.ts';
import { contentHash } from './output.ts';
import type { FileSize, OutputThread } from './outputThread.ts';
import { SHARD_BYTES } from '../search/shards.ts';
import type { SearchManifest } from '../search/types.ts';
import type { SectionFields } from '../search/fields.ts';
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

/**
 * The code's fingerprint and every field of every document, each length-prefixed (unambiguous), fed to
 * one hash: the same name for the same index as hashing their JSON, without a 6 MB string to make.
 */
function documentsHash(codeFingerprint: string, documents: readonly SectionFields[]): string {
  const hash = createHash('sha256').update(codeFingerprint);
  for (const document of documents) {
    const fields = Object.entries(document);
    hash.update(`${fields.length};`);
    for (const [name, value = ''] of fields) hash.update(`${name}=${value.length}:`).update(value);
  }
  return hash.digest('hex').slice(0, 10);
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
export function planSearchFiles(inputs: SearchInputs, worker: string, sourceDir = SITE_SOURCE_DIR): PlannedSearch {
  const docsJson = JSON.stringify(inputs.docs);
  const searchHash = documentsHash(searchCodeFingerprint(sourceDir), inputs.documents);
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

/** Writes every search file the manifest names (the index once the output thread has encoded it). */
export async function writeSearchFiles(output: OutputThread, { inputs, manifest, docsJson }: PlannedSearch): Promise<WrittenSearch> {
  const { texts } = inputs;
  for (let first = 0; first < texts.length; first += TEXT_CHUNK) {
    output.write(`${manifest.text}${first / TEXT_CHUNK}.json`, JSON.stringify(texts.slice(first, first + TEXT_CHUNK)));
  }
  output.write('search/manifest.json', JSON.stringify(manifest));
  const docsData = Buffer.from(docsJson);
  const docsGzip = gzipSync(docsData);
  output.write(manifest.docs, docsData);
  output.write(`${manifest.docs}.gz`, docsGzip);
  const index = await output.writeIndex({ head: manifest.index, postings: manifest.postings });
  return { sectionCount: inputs.documents.length, index: index.head, postings: index.postings, docs: { raw: docsData.length, gzip: docsGzip.length } };
}
