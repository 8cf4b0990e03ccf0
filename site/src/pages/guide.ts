import { html, raw } from '../build/html.ts';
import type { Guide } from '../build/model.ts';
import type { Heading } from '../build/markdown.ts';
import { APP_LINKS, audienceLabel, CATEGORIES } from '../build/vocabulary.ts';
import { TOPIC_IDS, type TopicId } from '../../../functions/core/topics.ts';
import { layout, type Chrome } from './layout.ts';
import { formatDate } from '../build/dates.ts';
import { systemAnchor, tagLinks } from './parts.ts';

function tableOfContents(headings: readonly Heading[]) {
  const entries = headings.filter((heading) => heading.depth === 2 || heading.depth === 3);
  if (entries.length === 0) return '';
  const items = [];
  for (let i = 0; i < entries.length; i++) {
    const top = entries[i] as Heading;
    const children: Heading[] = [];
    while (top.depth === 2 && entries[i + 1]?.depth === 3) children.push(entries[++i] as Heading);
    items.push(html`<li><a href="#${top.id}">${top.text}</a>${children.length > 0
      ? html`<ol>${children.map((child) => html`<li><a href="#${child.id}">${child.text}</a></li>`)}</ol>`
      : ''}</li>`);
  }
  return html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2><ol>${items}</ol></nav>`;
}

export function guidePage(chrome: Chrome, guide: Guide): string {
  const { meta } = guide;
  const category = meta.category;
  const main = html`
<article class="guide">
  <header class="guide-header">
    <h1>${meta.title}</h1>
    <p class="lead">${meta.summary}</p>
    <dl class="guide-meta">
      ${meta.updated ? html`<div><dt>Last updated</dt><dd><time datetime="${meta.updated}">${formatDate(meta.updated)}</time></dd></div>` : ''}
      ${meta.systems.length > 0 ? html`<div><dt>Systems</dt><dd>${meta.systems.map((system, i) => html`${i > 0 ? ', ' : ''}<a href="/systems/#${systemAnchor(system)}">${system}</a>`)}</dd></div>` : ''}
      ${meta.audience.length > 0 ? html`<div><dt>For</dt><dd>${meta.audience.map(audienceLabel).join(', ')}</dd></div>` : ''}
    </dl>
    ${meta.reviewed ? html`<p class="reviewed">Last reviewed on <time datetime="${meta.reviewed}">${formatDate(meta.reviewed)}</time>${guide.owner ? html` by ${guide.owner.name}` : ''}</p>` : ''}
    ${tagLinks(meta.tags)}
  </header>
  <div class="guide-body">
    ${tableOfContents(guide.rendered.headings)}
    <div class="prose">${raw(guide.rendered.html)}</div>
  </div>
  ${meta.sources.length > 0
    ? html`<section class="sources" aria-labelledby="sources-title"><h2 id="sources-title">Sources</h2><ul>${meta.sources.map((source) => html`<li><a class="external" href="${source}" rel="noopener">${source}<span class="visually-hidden"> (external link)</span></a></li>`)}</ul></section>`
    : ''}
  <section class="guide-feedback" aria-labelledby="feedback-title" data-guide-feedback="${guide.slug}" hidden>
    <h2 id="feedback-title">Was this guide helpful?</h2>
    <form>
      <p class="feedback-choices"><button type="button" class="button secondary" data-helpful="yes">Yes</button> <button type="button" class="button secondary" data-helpful="no" aria-expanded="false" aria-controls="feedback-why">No</button></p>
      <div id="feedback-why" data-feedback-why hidden>
        <label for="feedback-reason">What was missing or wrong? <span class="muted">(optional, no personal details please)</span></label>
        <p class="feedback-reason"><input id="feedback-reason" name="reason" type="text" maxlength="200" autocomplete="off"> <button type="submit">Send</button></p>
      </div>
    </form>
    <p role="status" data-feedback-status></p>
    <p class="muted feedback-note">Counted anonymously. <a href="/about/#what-we-record-when-you-read">What we record</a></p>
  </section>
  <aside class="still-stuck" aria-labelledby="stuck-title">
    <h2 id="stuck-title">Still stuck?</h2>
    <p>Our experts answer tickets about ${category ? CATEGORIES[category].toLowerCase() : 'this topic'} and can meet you for a mentoring session.</p>
    <p><a class="button" href="${APP_LINKS.openTicket(category, guide.slug)}">Open a ticket</a> <a class="button secondary" href="${TOPIC_IDS.includes(guide.slug as TopicId) ? APP_LINKS.bookMentorOn(guide.slug) : APP_LINKS.bookMentor}">Book a mentor</a></p>
  </aside>
  ${guide.related.length > 0
    ? html`<section class="related" aria-labelledby="related-title"><h2 id="related-title">Related guides</h2><ul>${guide.related.map((other) => html`<li><a href="${other.url}">${other.meta.title}</a></li>`)}</ul></section>`
    : ''}
</article>`;
  return layout(chrome, {
    title: meta.title,
    description: meta.summary,
    lang: meta.lang,
    main,
    breadcrumbs: [
      { label: 'Home', url: '/' },
      { label: 'Guides', url: '/guides/' },
      ...(category ? [{ label: CATEGORIES[category], url: `/guides/#${category}` }] : []),
      { label: meta.title },
    ],
  });
}
