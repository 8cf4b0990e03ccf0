// Where the site's own sources are (site/src): esbuild bundles the browser code from there, and the
// search index's name hashes src/search. Known from this file's place when the build runs from source
// (tsx, vitest); the prebundled build (site/run-build.mjs) passes it explicitly (`--site-source`), as
// import.meta.url is then the bundle's own place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
