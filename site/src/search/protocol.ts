// Messages between the page (index.ts) and the search worker (worker.ts).
import type { QueryOptions, SearchManifest, SearchResult } from './types.ts';

export type ToWorker =
  | { type: 'init'; baseUrl: string; manifest: SearchManifest }
  | { type: 'warm' }
  | { type: 'query'; id: number; text: string; options: QueryOptions };

export type FromWorker = { type: 'results'; id: number; results: SearchResult[] } | { type: 'error'; id: number; message: string };
