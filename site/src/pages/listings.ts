// The browsing pages: all guides by category, topics (tags), systems, and the about page.
import { html, raw } from '../build/html.ts';
import { byTitle, tagUrl, type Guide, type Page, type SiteModel } from '../build/model.ts';
import type { Heading } from '../build/markdown.ts';
import { CATEGORIES, CATEGORY_IDS, type Category } from '../build/vocabulary.ts';
import { layout, type Chrome } from './layout.ts';
import { guideList, systemAnchor } from './parts.ts';

export function guidesIndexPage(chrome: Chrome, model: SiteModel): string {
  const groups = new Map<Category | 'uncategorised', typeof model.guides>();
  for (const guide of [...model.guides].sort(byTitle)) {
    const key = guide.meta.category ?? 'uncategorised';
    const group = groups.get(key);
    if (group) group.push(guide);
    else groups.set(key, [guide]);
  }
  const order = [...CATEGORY_IDS, 'uncategorised' as const].filter((key) => groups.has(key));
  const label = (key: Category | 'uncategorised') => (key === 'uncategorised' ? 'More guides' : CATEGORIES[key]);
  const main = html`<h1>Guides</h1>
${model.guides.length === 0 ? html`<p class="empty">No guides yet.</p>` : ''}
${order.length > 1 ? html`<nav aria-label="Categories"><ul class="tags">${order.map((key) => html`<li><a href="#${key}">${label(key)}</a></li>`)}</ul></nav>` : ''}
${order.map((key) => html`<section aria-labelledby="${key}"><h2 id="${key}">${label(key)}</h2>${guideList(groups.get(key) ?? [])}</section>`)}`;
  return layout(chrome, { title: 'Guides', description: 'All guides of the knowledge base, by category.', main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Guides' }] });
}

export function tagsIndexPage(chrome: Chrome, model: SiteModel): string {
  const main = html`<h1>Topics</h1>
${model.tags.size === 0 ? html`<p class="empty">No topics yet.</p>` : html`<ul class="tags large">${[...model.tags.entries()].map(([tag, guides]) => html`<li><a href="${tagUrl(tag)}">${tag} <span class="count">${guides.length}</span></a></li>`)}</ul>`}`;
  return layout(chrome, { title: 'Topics', description: 'Browse the guides by topic.', main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Topics' }] });
}

export function tagPage(chrome: Chrome, tag: string, guides: SiteModel['guides']): string {
  const main = html`<h1>Topic: ${tag}</h1><p>${guides.length} guide${guides.length === 1 ? '' : 's'}.</p>${guideList(guides, 2)}`;
  return layout(chrome, {
    title: `Topic: ${tag}`,
    description: `Guides about ${tag}.`,
    main,
    breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Topics', url: '/tags/' }, { label: tag }],
  });
}

/** A guide naming at most this many systems is about them in particular; the others apply almost everywhere. */
const SPECIFIC_AT_MOST = 2;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the knowledge base says about one system in particular: its own guides and the sections naming it. */
export function systemSpecifics(system: string, guides: readonly Guide[]): { own: Guide[]; sections: Array<{ guide: Guide; heading: Heading }>; general: number } {
  const own = guides.filter((guide) => guide.meta.systems.length <= SPECIFIC_AT_MOST);
  const named = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(system)}($|[^\\p{L}\\p{N}])`, 'iu');
  const sections = guides.filter((guide) => !own.includes(guide)).flatMap((guide) => guide.rendered.headings
    .filter((heading) => (heading.depth === 2 || heading.depth === 3) && named.test(heading.text))
    .map((heading) => ({ guide, heading })));
  return { own, sections, general: guides.length - own.length };
}

export function systemsPage(chrome: Chrome, model: SiteModel): string {
  const systems = [...model.systems.entries()].filter(([, guides]) => guides.length > 0);
  // The filter is links to each system's section; CSS shows only the targeted one (no script needed).
  const main = html`<div class="systems-page"><h1 id="systems-title">EuroHPC systems</h1>
<p class="lead">Most guides apply to every system. Here is what is specific to each one: its own guides, and the sections of the general guides about it.</p>
<nav aria-label="Show one system" class="system-filter"><ul class="tags"><li><a href="#systems-title">All systems</a></li>${systems.map(([system]) => html`<li><a href="#${systemAnchor(system)}">${system}</a></li>`)}</ul></nav>
${systems.map(([system, guides]) => {
    const { own, sections, general } = systemSpecifics(system, guides);
    return html`<section class="system" id="${systemAnchor(system)}" aria-labelledby="${systemAnchor(system)}-title"><h2 id="${systemAnchor(system)}-title">${system}</h2>
${own.length ? html`<h3 class="h4">Guides about ${system}</h3>${guideList(own, 3)}` : ''}
${sections.length ? html`<h3 class="h4">In the general guides</h3><ul class="system-sections">${sections.map(({ guide, heading }) => html`<li><a href="${guide.url}#${heading.id}">${heading.text}</a> <span class="muted">in ${guide.meta.title}</span></li>`)}</ul>` : ''}
${own.length === 0 && sections.length === 0 ? html`<p class="empty">Nothing specific to ${system} yet.</p>` : ''}
<p class="muted">${general === 1 ? '1 general guide also applies' : `${general} general guides also apply`} to ${system}: <a href="/guides/">all guides</a>.</p></section>`;
  })}</div>`;
  return layout(chrome, { title: 'Systems', description: 'Guides for each EuroHPC supercomputer.', main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Systems' }] });
}

export function aboutPage(chrome: Chrome, page: Page): string {
  const main = html`<article><h1>${page.meta.title}</h1><div class="prose">${raw(page.rendered.html)}</div></article>`;
  return layout(chrome, { title: page.meta.title, description: page.meta.summary, main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: page.meta.title }] });
}
