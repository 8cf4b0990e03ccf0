import { html, raw } from '../build/html.ts';
import { tagUrl, type Guide, type SiteModel } from '../build/model.ts';
import { APP_LINKS, SITE_NAME } from '../build/vocabulary.ts';
import { layout, searchForm, type Chrome } from './layout.ts';
import { guideList } from './parts.ts';

const POPULAR_TOPICS = 12;
const RECENT_GUIDES = 6;

const lastChanged = (guide: Guide) => guide.meta.reviewed ?? guide.meta.updated ?? '';
const recentDate = (guide: Guide) =>
  guide.meta.reviewed ? { label: 'Reviewed', iso: guide.meta.reviewed } : guide.meta.updated ? { label: 'Updated', iso: guide.meta.updated } : undefined;

export function homePage(chrome: Chrome, model: SiteModel): string {
  const intro = model.pages.home;
  const popular = [...model.tags.entries()]
    .sort(([tagA, a], [tagB, b]) => b.length - a.length || tagA.localeCompare(tagB))
    .slice(0, POPULAR_TOPICS);
  // The real date a guide last changed in substance is its review (an expert checked it against its
  // sources); `updated` is the fallback for guides not reviewed yet.
  const recent = [...model.guides]
    .sort((a, b) => lastChanged(b).localeCompare(lastChanged(a)) || a.meta.title.localeCompare(b.meta.title))
    .slice(0, RECENT_GUIDES);
  const main = html`
<section class="hero" aria-labelledby="hero-title">
  <h1 id="hero-title">${SITE_NAME}</h1>
  <p class="lead">Free help for European AI start-ups and SMEs on EuroHPC supercomputers such as LUMI, Leonardo, MareNostrum 5 and JUPITER: from getting an allocation to training and serving models at scale.</p>
  ${searchForm('home-search', 'Search the guides')}
  <p class="hero-actions"><a class="button" href="${APP_LINKS.openTicket()}">Open a ticket</a> <a class="button secondary" href="${APP_LINKS.bookMentor}">Book a mentor</a></p>
</section>
${intro ? html`<section class="prose home-intro" aria-label="Introduction">${raw(intro.rendered.html)}</section>` : ''}
<section aria-labelledby="offer-title">
  <h2 id="offer-title">What the centre offers</h2>
  <ul class="cards">
    <li class="card"><h3>Helpdesk</h3><p>Ask our experts when a job fails, an allocation is unclear or software will not build. Tickets are answered within the published service times.</p><p><a href="${APP_LINKS.openTicket()}">Open a ticket</a></p></li>
    <li class="card"><h3>Mentoring</h3><p>Book a session with an HPC and AI expert to plan a proposal, port a training pipeline or tune performance.</p><p><a href="${APP_LINKS.bookMentor}">Book a mentor</a></p></li>
    <li class="card"><h3>Guides</h3><p>${model.guides.length} step-by-step guides on access routes, Slurm, containers, data and distributed training.</p><p><a href="/guides/">Browse the guides</a></p></li>
  </ul>
</section>
<section aria-labelledby="topics-title">
  <h2 id="topics-title">Popular topics</h2>
  ${popular.length > 0
    ? html`<ul class="tags large">${popular.map(([tag, guides]) => html`<li><a href="${tagUrl(tag)}">${tag} <span class="count">${guides.length}</span></a></li>`)}</ul>`
    : html`<p class="empty">Guides are being written; topics appear here as they are published.</p>`}
</section>
<section aria-labelledby="recent-title">
  <h2 id="recent-title">Recently updated guides</h2>
  ${guideList(recent, 3, recentDate)}
</section>`;
  return layout(chrome, { title: SITE_NAME, description: intro?.meta.summary ?? 'Helpdesk, mentoring and guides for AI SMEs using EuroHPC supercomputers.', main, bodyClass: 'home' });
}
