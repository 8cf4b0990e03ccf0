// One search instance per page, created on first use.
import { createSearch, type Search, type SearchManifest } from '../search/index.ts';

let search: Search | undefined;
// The page's script tag names the worker script and carries the search manifest: the worker and
// the index start loading together, without a request for the manifest first.
const script = (document.currentScript as HTMLScriptElement | null)?.dataset;
const workerUrl = script?.searchWorker;

function inlineManifest(): SearchManifest | undefined {
  try {
    return script?.searchManifest ? (JSON.parse(script.searchManifest) as SearchManifest) : undefined;
  } catch {
    return undefined; // fetched instead
  }
}

export function pageSearch(): Search {
  const manifest = inlineManifest();
  search ??= createSearch({ baseUrl: '/', ...(workerUrl ? { worker: workerUrl.replace(/^\//, '') } : {}), ...(manifest ? { manifest } : {}) });
  return search;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where a reader goes when no guide answers: a new ticket with the query as its subject. */
export function ticketUrl(text: string): string {
  return `/app/tickets/new?subject=${encodeURIComponent(text.trim().slice(0, 200))}`;
}
