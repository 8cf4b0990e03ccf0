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
 *   names the worker and index files. Pages of the site pass the manifest inline to save a request.
 * - The index is loaded lazily, in a Web Worker, on the first query or `warm()`.
 * - `snippetHtml` is escaped text with the matched words in <mark>: safe to assign to innerHTML.
 * - `lang` is the language the result matched in ('en', 'fr', 'de', 'es', 'it'); `guideTitle` is the
 *   title in that language.
 * - Typing is expected: the last word is completed as a prefix unless the text ends with a space;
 *   one typo is forgiven in words of five letters or more; any input is safe (no query syntax).
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import type { QueryOptions, SearchManifest, SearchResult } from './types.ts';

export type { QueryOptions, SearchManifest, SearchResult } from './types.ts';

export interface SearchOptions {
  baseUrl?: string;
  manifest?: SearchManifest;
}

export interface Search {
  query(text: string, options?: QueryOptions): Promise<SearchResult[]>;
  warm(): void;
  dispose(): void;
}

export function createSearch({ baseUrl = '/', manifest }: SearchOptions = {}): Search {
  const root = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const pending = new Map<number, { resolve(results: SearchResult[]): void; reject(error: Error): void }>();
  let nextId = 1;
  let worker: Promise<Worker> | undefined;

  const start = () => {
    worker ??= (async () => {
      const found: SearchManifest =
        manifest ?? ((await (await fetch(`${root}search/manifest.json`)).json()) as SearchManifest);
      const created = new Worker(root + found.worker);
      created.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        const waiting = pending.get(message.id);
        if (!waiting) return;
        pending.delete(message.id);
        if (message.type === 'results') waiting.resolve(message.results);
        else waiting.reject(new Error(message.message));
      };
      const init: ToWorker = { type: 'init', baseUrl: root, manifest: found };
      created.postMessage(init);
      return created;
    })();
    return worker;
  };

  return {
    warm() {
      void start().then((created) => created.postMessage({ type: 'warm' } satisfies ToWorker));
    },
    async query(text, options = {}) {
      const created = await start();
      const id = nextId++;
      return new Promise<SearchResult[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        created.postMessage({ type: 'query', id, text, options } satisfies ToWorker);
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
