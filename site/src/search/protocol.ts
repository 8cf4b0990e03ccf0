// Messages between the page (index.ts) and the search worker (worker.ts).
import type { QueryOptions, SearchManifest, SearchResult } from './types.ts';

// The page fetches the index and docs table itself, while the worker script is still loading, and
// transfers the bytes (zero-copy); the worker only fetches section texts for snippets.
export type ToWorker =
  | { type: 'init'; baseUrl: string; manifest: SearchManifest }
  | { type: 'data'; index: ArrayBuffer; docs: ArrayBuffer }
  | { type: 'data-failed'; message: string }
  | { type: 'query'; id: number; text: string; options: QueryOptions; preview: boolean };

/** 'superseded': a newer query arrived before this one ran (typing); it resolves to []. */
export type FromWorker =
  | { type: 'preview'; id: number; results: SearchResult[] }
  | { type: 'results'; id: number; results: SearchResult[] }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string };
