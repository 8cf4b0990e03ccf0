// The browsing pages: all guides by category, topics (tags), systems, and the about page.
import { html, raw } from '../build/html.ts';
import { byTitle, tagUrl, type Page, type SiteModel } from '../build/model.ts';
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

export function systemsPage(chrome: Chrome, model: SiteModel): string {
  const main = html`<h1>Guides per EuroHPC system</h1>
<nav aria-label="Systems"><ul class="tags">${[...model.systems.keys()].map((system) => html`<li><a href="#${systemAnchor(system)}">${system}</a></li>`)}</ul></nav>
${[...model.systems.entries()].map(([system, guides]) => html`<section aria-labelledby="${systemAnchor(system)}"><h2 id="${systemAnchor(system)}">${system}</h2>${guideList(guides)}</section>`)}`;
  return layout(chrome, { title: 'Systems', description: 'Guides for each EuroHPC supercomputer.', main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Systems' }] });
}

export function aboutPage(chrome: Chrome, page: Page): string {
  const main = html`<article><h1>${page.meta.title}</h1><div class="prose">${raw(page.rendered.html)}</div></article>`;
  return layout(chrome, { title: page.meta.title, description: page.meta.summary, main, breadcrumbs: [{ label: 'Home', url: '/' }, { label: page.meta.title }] });
}
