// Small pieces several pages share.
import { html, type Html } from '../build/html.ts';
import { tagUrl, type Guide } from '../build/model.ts';
import { formatDate } from '../build/dates.ts';

/** `dated` labels each entry with a date (e.g. when it was last reviewed); entries without one show none. */
export function guideList(guides: readonly Guide[], headingLevel: 2 | 3 = 3, dated?: (guide: Guide) => { label: string; iso: string } | undefined): Html {
  if (guides.length === 0) return html`<p class="empty">No guides yet.</p>`;
  const heading = (guide: Guide) =>
    headingLevel === 2 ? html`<h2><a href="${guide.url}">${guide.meta.title}</a></h2>` : html`<h3><a href="${guide.url}">${guide.meta.title}</a></h3>`;
  const date = (guide: Guide) => {
    const when = dated?.(guide);
    return when ? html`<p class="guide-date">${when.label} <time datetime="${when.iso}">${formatDate(when.iso)}</time></p>` : '';
  };
  return html`<ul class="guide-list">${guides.map((guide) => html`<li>${heading(guide)}${date(guide)}<p>${guide.meta.summary}</p></li>`)}</ul>`;
}

export function tagLinks(tags: readonly string[]): Html {
  return html`<ul class="tags">${tags.map((tag) => html`<li><a href="${tagUrl(tag)}">${tag}</a></li>`)}</ul>`;
}

export function systemAnchor(system: string): string {
  return system.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
