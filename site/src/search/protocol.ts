// Messages between the page (index.ts) and the search worker (worker.ts).
import type { QueryOptions, SearchManifest, SearchResult } from './types.ts';

// The page fetches the index head and docs table itself, while the worker script is still loading,
// and transfers each as it arrives (zero-copy): the worker can plan a query and fetch its postings
// shards from the head while the docs table is still on its way. It fetches shards and texts itself.
// Snippet texts wait until the page says it has shown the preview ('preview-shown'): until then
// nothing competes with the first results, neither on the network nor for the page's thread.
export type ToWorker =
  | { type: 'init'; baseUrl: string; manifest: SearchManifest }
  | { type: 'file'; name: 'index' | 'docs'; bytes: ArrayBuffer }
  | { type: 'data-failed'; message: string }
  | {
    type: 'query';
    id: number;
    text: string;
    options: QueryOptions;
    preview: boolean;
    /** the page answers the preview with 'preview-shown' (a page script from before that message leaves it out, and the worker does not wait) */
    confirmsPreview?: boolean;
  }
  | { type: 'preview-shown'; id: number };

/** 'superseded': a newer query arrived before this one ran (typing); it resolves to []. */
export type FromWorker =
  | { type: 'preview'; id: number; results: SearchResult[] }
  | { type: 'results'; id: number; results: SearchResult[] }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string };
