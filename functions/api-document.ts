/**
 * The whole API's OpenAPI document: every function's routes. Served by the local server at /api/openapi.json;
 * for AWS, `npm run build` writes it into the site (dist/site/api/openapi.json), which CloudFront serves at the
 * same path, so no function has to carry a document generator or the other functions' schemas.
 * CLI: tsx functions/api-document.ts OUT_FILE
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { API_FUNCTION_NAMES } from './api-functions.ts';
import { API_WIRING } from './api-wiring.ts';
import { openApiDocument, type RouteDoc } from './core/openapi.ts';

/** Every function's docs, in the manifest's order. */
export const API_DOCS: readonly RouteDoc[] = API_FUNCTION_NAMES.flatMap((name) => API_WIRING[name].docs);

export function apiDocument() {
  return openApiDocument(API_DOCS);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: tsx functions/api-document.ts OUT_FILE');
    process.exit(2);
  }
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), `${JSON.stringify(apiDocument(), null, 1)}\n`);
  console.log(`Wrote the OpenAPI document to ${out}`);
}
