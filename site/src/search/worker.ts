// The search worker: builds the lunr index from the bytes the page transfers, answers queries off
// the main thread, and fetches section texts for snippets. While the user types, queries queue up
// faster than they run: only the newest waiting query runs, the others are answered 'superseded'.
// The next query runs as soon as one's preview is out: its snippets' texts load meanwhile.
import { createSearchCore, type SearchCore } from './core.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { DocsTable, SearchResult } from './types.ts';

declare const self: DedicatedWorkerGlobalScope;

type QueryMessage = Extract<ToWorker, { type: 'query' }>;

let core: SearchCore | undefined;
const chunks = new Map<number, Promise<string[][]>>();
/** The files the page transfers, each as it arrives. */
function transferred(): { promise: Promise<ArrayBuffer>; resolve(bytes: ArrayBuffer): void; reject(error: Error): void } {
  let resolve: (bytes: ArrayBuffer) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<ArrayBuffer>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => undefined); // reported through the query that needs it
  return { promise, resolve, reject };
}
const files = { index: transferred(), docs: transferred() };
let waiting: QueryMessage | undefined;
let running = false;
/** queries whose preview the page has yet to confirm as shown: their snippet texts wait for it */
const previewsShown = new Map<number, () => void>();

function reply(message: FromWorker): void {
  self.postMessage(message);
}

async function runNewest(): Promise<void> {
  if (running) return;
  running = true;
  // Let queued messages arrive first, so a burst of keystrokes runs one query.
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (waiting && core) {
    const message = waiting;
    waiting = undefined;
    let previewed: () => void = () => undefined;
    const previewOut = new Promise<void>((resolve) => (previewed = resolve));
    const onPreview = message.preview
      ? (results: SearchResult[]) => {
        previewed();
        return postPreview(message, results);
      }
      : undefined;
    const answered = core.query(message.text, { ...message.options, onPreview }).then(
      (results) => reply({ type: 'results', id: message.id, results }),
      (error: Error) => reply({ type: 'error', id: message.id, message: error.message }),
    );
    await Promise.race([previewOut, answered]);
  }
  running = false;
}

/** Posts the preview; resolves when the page has shown it (at once if the page does not say). */
function postPreview(message: QueryMessage, results: SearchResult[]): Promise<void> {
  const shown = message.confirmsPreview ? new Promise<void>((resolve) => previewsShown.set(message.id, resolve)) : Promise.resolve();
  reply({ type: 'preview', id: message.id, results });
  return shown;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'init': {
      const { baseUrl, manifest } = message;
      core = createSearchCore(
        {
          index: async () => new Uint8Array(await files.index.promise),
          postings: {
            shardBytes: manifest.shardBytes,
            shard: async (number) => {
              const response = await fetch(`${baseUrl}${manifest.postings}${number}.bin`);
              if (!response.ok) throw new Error(`search postings ${number}: HTTP ${response.status}`);
              return new Uint8Array(await response.arrayBuffer());
            },
          },
          docs: async () => JSON.parse(new TextDecoder().decode(await files.docs.promise)) as DocsTable,
          sectionTexts: async (guide) => {
            const chunk = Math.floor(guide / manifest.textChunk);
            let texts = chunks.get(chunk);
            if (!texts) {
              texts = fetch(`${baseUrl}${manifest.text}${chunk}.json`).then((response) => {
                if (!response.ok) throw new Error(`section texts ${chunk}: HTTP ${response.status}`);
                return response.json() as Promise<string[][]>;
              });
              texts.catch(() => chunks.delete(chunk)); // let a later query retry
              chunks.set(chunk, texts);
            }
            return (await texts)[guide % manifest.textChunk] ?? [];
          },
        },
        baseUrl,
      );
      core.warm();
      return;
    }
    case 'file':
      files[message.name].resolve(message.bytes);
      return;
    case 'data-failed':
      for (const file of Object.values(files)) file.reject(new Error(message.message));
      return;
    case 'preview-shown':
      previewsShown.get(message.id)?.();
      previewsShown.delete(message.id);
      return;
    case 'query':
      if (waiting) reply({ type: 'superseded', id: waiting.id });
      waiting = message;
      void runNewest();
  }
};
