// One search instance per page, created on first use.
import { createSearch, type Search } from '../search/index.ts';

let search: Search | undefined;
// The page's script tag names the worker script, so the worker loads while the manifest does.
const workerUrl = (document.currentScript as HTMLScriptElement | null)?.dataset.searchWorker;

export function pageSearch(): Search {
  search ??= createSearch({ baseUrl: '/', ...(workerUrl ? { worker: workerUrl.replace(/^\//, '') } : {}) });
  return search;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where a reader goes when no guide answers: a new ticket with the query as its subject. */
export function ticketUrl(text: string): string {
  return `/app/tickets/new?subject=${encodeURIComponent(text.trim().slice(0, 200))}`;
}
