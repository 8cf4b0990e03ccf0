// The search page, the 404 page and the sitemap.
import { escapeHtml, html } from '../build/html.ts';
import type { SiteModel } from '../build/model.ts';
import { APP_LINKS } from '../build/vocabulary.ts';
import { layout, searchForm, type Chrome } from './layout.ts';

export function searchPage(chrome: Chrome): string {
  // Results are rendered by the browser from ?q= (see site/src/browser/searchPage.ts): an <ol> of
  // links carrying data-search-result, best first. Other tests rely on that contract.
  const main = html`<h1>Search</h1>
${searchForm('page-search', 'Search the guides')}
<p id="search-summary" class="search-summary" aria-live="polite">Type a question or a few words, like “slurm pending reasons”.</p>
<ol id="search-results" class="search-results" aria-labelledby="search-summary"></ol>
<noscript><p>Search needs JavaScript. You can <a href="/guides/">browse all guides</a> instead.</p></noscript>`;
  return layout(chrome, { title: 'Search', description: 'Search the guides.', main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Search' }] });
}

export function notFoundPage(chrome: Chrome): string {
  const main = html`<h1>Page not found</h1>
<p>We could not find that page. It may have moved when the guides were reorganised.</p>
${searchForm('not-found-search', 'Search the guides')}
<p>Or <a href="/guides/">browse all guides</a>, or <a href="${APP_LINKS.openTicket()}">open a ticket</a> and tell us what you were looking for.</p>`;
  return layout(chrome, { title: 'Page not found', description: 'Page not found.', main });
}

export function sitemap(model: SiteModel, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, '');
  const entries: Array<{ path: string; updated?: string }> = [
    { path: '/' },
    { path: '/guides/' },
    { path: '/tags/' },
    { path: '/systems/' },
    { path: '/tools/estimate/' },
    ...(model.pages.about ? [{ path: '/about/' }] : []),
    ...model.guides.map((guide) => ({ path: guide.url, ...(guide.meta.updated ? { updated: guide.meta.updated } : {}) })),
    ...[...model.tags.keys()].map((tag) => ({ path: `/tags/${tag}/` })),
  ];
  const urls = entries.map(
    (entry) => `  <url><loc>${escapeHtml(base + entry.path)}</loc>${entry.updated ? `<lastmod>${entry.updated}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
