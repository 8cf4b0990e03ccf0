// One search instance per page, created on first use; the manifest comes inline with the page.
import { createSearch, type Search, type SearchManifest } from '../search/index.ts';

let search: Search | undefined;

export function pageSearch(): Search {
  if (!search) {
    const inline = document.getElementById('search-manifest')?.textContent;
    search = createSearch({ baseUrl: '/', ...(inline ? { manifest: JSON.parse(inline) as SearchManifest } : {}) });
  }
  return search;
}

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
