// The search index's binary files (index head, postings shards: application/octet-stream) are not a type
// CloudFront compresses on the fly, unlike the site's HTML, JS, CSS and JSON. They are uploaded gzipped
// instead, under their own names, with Content-Encoding: gzip set on the object (251 KB of index head
// becomes ~96 KB at 1,000 guides). Staged at synth time: the copies are made from the built .bin files,
// not from the build's .gz (the same bytes either way; this needs no promise from the build).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files the search worker fetches as bytes (src/search/shards.ts, format.ts). */
export const SEARCH_BINARY = /\.bin$/;

function binaryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SEARCH_BINARY.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A temporary folder holding every .bin file under `searchDir`, gzipped, at the same relative path; or
 * undefined when there is none. Removed when the process exits (the assembly keeps its own copy).
 */
export function stageGzippedSearchFiles(searchDir: string): string | undefined {
  const files = binaryFiles(searchDir);
  if (files.length === 0) return undefined;
  const staged = mkdtempSync(join(tmpdir(), 'search-gzip-'));
  process.once('exit', () => rmSync(staged, { recursive: true, force: true }));
  for (const file of files) {
    const target = join(staged, relative(searchDir, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, gzipSync(readFileSync(file), { level: 9 }));
  }
  return staged;
}
