/**
 * Guide search for any page of the site or the web app (e.g. the new-ticket form's suggestions).
 *
 *   const search = createSearch({ baseUrl: '/' });
 *   search.warm();                                   // optional: start loading the index now
 *   const results = await search.query('slurm pending', { limit: 3, distinctGuides: true });
 *   // → [{ url, guideTitle, sectionTitle, snippetHtml, lang, slug }], best first
 *   search.dispose();
 *
 * - `baseUrl` is where the built site is served (default '/'); the site's `search/manifest.json`
 *   names the worker and the content-hashed index files (pass `manifest` to skip that request).
 * - The index is loaded lazily on the first query or `warm()`, and searched in a Web Worker.
 * - While the user types, a query overtaken by a newer one before it ran resolves to [].
 * - `snippetHtml` is escaped text with the matched words in <mark>: safe to assign to innerHTML.
 * - `onPreview(results)` (optional) receives the same ranked results one request earlier, with
 *   snippets only from summaries; the promise then resolves with the section snippets, whose texts
 *   are requested only once `onPreview` has returned (or its promise settled): nothing competes
 *   with showing the first results.
 * - `lang` is the language the result matched in ('en', 'fr', 'de', 'es', 'it'); `guideTitle` is the
 *   title in that language.
 * - Typing is expected: the last word is completed as a prefix unless the text ends with a space;
 *   one typo is forgiven in words of five letters or more; any input is safe (no query syntax).
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import type { PreviewOption, QueryOptions, SearchManifest, SearchResult } from './types.ts';

export type { PreviewOption, QueryOptions, SearchManifest, SearchResult } from './types.ts';

export interface SearchOptions {
  baseUrl?: string;
  manifest?: SearchManifest;
  /** the worker script (relative to baseUrl), when known: it then loads while the manifest does */
  worker?: string;
}

export interface Search {
  query(text: string, options?: QueryOptions & PreviewOption): Promise<SearchResult[]>;
  warm(): void;
  dispose(): void;
}

export function createSearch({ baseUrl = '/', manifest, worker: workerPath }: SearchOptions = {}): Search {
  const root = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const pending = new Map<number, { resolve(results: SearchResult[]): void; reject(error: Error): void } & PreviewOption>();
  let nextId = 1;
  let worker: Promise<Worker> | undefined;

  const start = () => {
    worker ??= (async () => {
      const early = workerPath ? new Worker(root + workerPath) : undefined;
      const found: SearchManifest =
        manifest ?? ((await (await fetch(`${root}search/manifest.json`)).json()) as SearchManifest);
      // Fetch the index while the worker script loads, then hand the bytes over without a copy.
      const bytes = (path: string) =>
        fetch(root + path).then((response) => {
          if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
          return response.arrayBuffer();
        });
      const files = { index: bytes(found.index), docs: bytes(found.docs) };
      const created = early && workerPath === found.worker ? early : new Worker(root + found.worker);
      if (early && created !== early) early.terminate();
      created.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        const waiting = pending.get(message.id);
        if (message.type === 'preview') {
          // Shown once the callback has returned (the DOM holds it, the next frame paints it) or its
          // promise settled: the worker then fetches the snippets' texts. Confirmed whatever happened,
          // or the snippets would never come.
          void new Promise<void>((resolve) => resolve(waiting?.onPreview?.(message.results))).finally(() =>
            created.postMessage({ type: 'preview-shown', id: message.id } satisfies ToWorker),
          );
          return;
        }
        if (!waiting) return;
        pending.delete(message.id);
        if (message.type === 'results') waiting.resolve(message.results);
        else if (message.type === 'superseded') waiting.resolve([]);
        else waiting.reject(new Error(message.message));
      };
      created.postMessage({ type: 'init', baseUrl: root, manifest: found } satisfies ToWorker);
      for (const [name, file] of Object.entries(files) as ['index' | 'docs', Promise<ArrayBuffer>][]) {
        file.then(
          (bytes) => created.postMessage({ type: 'file', name, bytes } satisfies ToWorker, [bytes]),
          (error: Error) => created.postMessage({ type: 'data-failed', message: error.message } satisfies ToWorker),
        );
      }
      return created;
    })();
    return worker;
  };

  return {
    warm() {
      void start();
    },
    async query(text, { onPreview, ...options } = {}) {
      const created = await start();
      const id = nextId++;
      return new Promise<SearchResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onPreview ? { onPreview } : {}) });
        created.postMessage({ type: 'query', id, text, options, preview: Boolean(onPreview), confirmsPreview: true } satisfies ToWorker);
      });
    },
    dispose() {
      void worker?.then((created) => created.terminate());
      for (const waiting of pending.values()) waiting.reject(new Error('search disposed'));
      pending.clear();
      worker = undefined;
    },
  };
}
