// One search instance per page, created on first use.
import { createSearch, type Search } from '../search/index.ts';

let search: Search | undefined;

export function pageSearch(): Search {
  search ??= createSearch({ baseUrl: '/' });
  return search;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
