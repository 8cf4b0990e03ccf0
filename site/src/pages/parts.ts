// Small pieces several pages share.
import { html, type Html } from '../build/html.ts';
import { tagUrl, type Guide } from '../build/model.ts';

export function guideList(guides: readonly Guide[], headingLevel: 2 | 3 = 3): Html {
  if (guides.length === 0) return html`<p class="empty">No guides yet.</p>`;
  const heading = (guide: Guide) =>
    headingLevel === 2 ? html`<h2><a href="${guide.url}">${guide.meta.title}</a></h2>` : html`<h3><a href="${guide.url}">${guide.meta.title}</a></h3>`;
  return html`<ul class="guide-list">${guides.map((guide) => html`<li>${heading(guide)}<p>${guide.meta.summary}</p></li>`)}</ul>`;
}

export function tagLinks(tags: readonly string[]): Html {
  return html`<ul class="tags">${tags.map((tag) => html`<li><a href="${tagUrl(tag)}">${tag}</a></li>`)}</ul>`;
}

export function systemAnchor(system: string): string {
  return system.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
