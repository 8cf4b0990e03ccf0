// The search worker: loads the index over HTTP on first use and answers queries off the main thread.
import { createSearchCore, type SearchCore } from './core.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { DocsTable, SearchManifest } from './types.ts';

declare const self: DedicatedWorkerGlobalScope;

let core: SearchCore | undefined;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
}

function httpSource(baseUrl: string, manifest: SearchManifest) {
  return {
    index: async () => new Uint8Array(await (await fetchOk(baseUrl + manifest.index)).arrayBuffer()),
    docs: async () => (await (await fetchOk(baseUrl + manifest.docs)).json()) as DocsTable,
    sectionTexts: async (guide: number) => (await (await fetchOk(`${baseUrl}${manifest.text}${guide}.json`)).json()) as string[],
  };
}

function reply(message: FromWorker): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    core = createSearchCore(httpSource(message.baseUrl, message.manifest), message.baseUrl);
    return;
  }
  if (!core) return;
  if (message.type === 'warm') {
    core.ready().catch(() => undefined);
    return;
  }
  try {
    reply({ type: 'results', id: message.id, results: await core.query(message.text, message.options) });
  } catch (error) {
    reply({ type: 'error', id: message.id, message: (error as Error).message });
  }
};
