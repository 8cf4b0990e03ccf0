// The page frame shared by every page: landmarks, skip link, header search box, footer.
import { html, type Html } from '../build/html.ts';
import { APP_LINKS, SITE_NAME } from '../build/vocabulary.ts';
import type { SearchManifest } from '../search/types.ts';

export interface Chrome {
  css: string;
  js: string;
  worker: string;
  /** inlined so that a search needs no request for it */
  searchManifest: SearchManifest;
  hasAbout: boolean;
}

export interface Crumb {
  label: string;
  url?: string;
}

export interface PageOptions {
  title: string;
  description: string;
  main: Html;
  breadcrumbs?: Crumb[];
  bodyClass?: string;
  /** the page's language (a guide's `lang`), default English */
  lang?: string;
}

export function breadcrumbs(crumbs: readonly Crumb[]): Html {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${crumbs.map((crumb) =>
    crumb.url ? html`<li><a href="${crumb.url}">${crumb.label}</a></li>` : html`<li aria-current="page">${crumb.label}</li>`,
  )}</ol></nav>`;
}

/** `label` names both the input and the search landmark, so each landmark on a page is distinct. */
export function searchForm(id: string, label: string, value = ''): Html {
  return html`<form class="search-form" role="search" aria-label="${label}" action="/search/" method="get" data-search-form>
  <label class="visually-hidden" for="${id}">${label}</label>
  <input id="${id}" name="q" type="search" value="${value}" placeholder="Search the guides" autocomplete="off" spellcheck="false" aria-keyshortcuts="/" role="combobox" aria-expanded="false" aria-autocomplete="list" aria-controls="${id}-results">
  <button type="submit">Search</button>
  <div class="search-popup" hidden><ul id="${id}-results" role="listbox" aria-label="Suggested sections"></ul></div>
  <p class="visually-hidden" aria-live="polite" data-search-status></p>
</form>`;
}

export function layout(chrome: Chrome, page: PageOptions): string {
  const title = page.title === SITE_NAME ? SITE_NAME : `${page.title} · ${SITE_NAME}`;
  return `<!doctype html>\n${html`<html lang="${page.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="/favicon.ico">
<title>${title}</title>
<meta name="description" content="${page.description}">
<link rel="stylesheet" href="${chrome.css}">
<script defer src="${chrome.js}" data-search-worker="${chrome.worker}" data-search-manifest="${JSON.stringify(chrome.searchManifest)}"></script>
</head>
<body${page.bodyClass ? html` class="${page.bodyClass}"` : ''}>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="/">${SITE_NAME}</a>
    <nav class="main-nav" aria-label="Main">
      <ul>
        <li><a href="/guides/">Guides</a></li>
        <li><a href="/tags/">Topics</a></li>
        <li><a href="/systems/">Systems</a></li>
        <li><a href="/tools/estimate/">Estimator</a></li>
        ${chrome.hasAbout ? html`<li><a href="/about/">About</a></li>` : ''}
        <li><a href="/app/sign-in">Sign in</a></li>
      </ul>
    </nav>
    ${searchForm('site-search', 'Search the site')}
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.breadcrumbs ? breadcrumbs(page.breadcrumbs) : ''}
${page.main}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>${SITE_NAME}: help for European AI SMEs and start-ups on EuroHPC supercomputers.</p>
    <ul class="footer-links">
      <li><a href="${APP_LINKS.openTicket()}">Open a ticket</a></li>
      <li><a href="${APP_LINKS.bookMentor}">Book a mentor</a></li>
      <li><a href="/systems/">Systems</a></li>
      <li><a href="/sitemap.xml">Sitemap</a></li>
    </ul>
  </div>
</footer>
</body>
</html>`}\n`;
}
