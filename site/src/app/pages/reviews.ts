// Guide reviews: an expert sees the guides they own that are due for review; a coordinator sees every
// guide, who owns it and when it is due. Each guide lists its Check notes (facts that change often,
// with the source to re-check). The data is the site build's /guides/review.json: the static site has
// no database, and the guides' front matter is the one source of owners and review dates.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { GuideReview, ReviewData } from '../../build/review.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { dueState, isDue, type DueState } from '../reviewStatus.ts';
import { formatDate, todayIso } from '../../build/dates.ts';

async function loadReviews(): Promise<ReviewData> {
  const response = await fetch('/guides/review.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The review list could not be loaded (HTTP ${response.status}).`);
  return (await response.json()) as ReviewData;
}


const STATE_TEXT: Record<DueState, string> = { never: 'Never reviewed', overdue: 'Overdue', soon: 'Due soon', ok: 'Up to date' };

function Status({ review, on }: { review: GuideReview; on: string }): VNode {
  const state = dueState(review, on);
  return html`<span class=${`badge review-${state}`}>${STATE_TEXT[state]}</span>`;
}

function Checks({ review }: { review: GuideReview }): VNode {
  if (review.checks.length === 0) return html`<p class="muted">Nothing in this guide is marked to re-check.</p>`;
  return html`<ul class="check-list">${review.checks.map((check) => html`<li>
    <a href=${`${review.url}${check.anchor ? `#${check.anchor}` : ''}`}>${check.text}</a>
    <span class="muted"> — checked on ${formatDate(check.checked)} against </span><a class="external" href=${check.source} rel="noopener">${new URL(check.source).hostname}<span class="visually-hidden"> (external link)</span></a>
  </li>`)}</ul>`;
}

function GuideCard({ review, on, showOwner }: { review: GuideReview; on: string; showOwner: boolean }): VNode {
  const headingId = `review-${review.slug}`;
  return html`<li class="review-card">
    <h3 id=${headingId}><a href=${review.url}>${review.title}</a> <${Status} review=${review} on=${on} /></h3>
    <dl class="review-facts">
      ${showOwner ? html`<div><dt>Owner</dt><dd>${review.ownerName ?? 'Nobody'}</dd></div>` : ''}
      <div><dt>Last reviewed</dt><dd>${review.reviewed ? formatDate(review.reviewed) : 'never'}</dd></div>
      <div><dt>Due</dt><dd>${review.due ? formatDate(review.due) : 'now'}</dd></div>
    </dl>
    <h4>Facts to re-check</h4>
    <${Checks} review=${review} />
  </li>`;
}

/** Only the due guides at first (the work to do), all of them on request. */
function OnlyDueSwitch({ checked, onChange, label }: { checked: boolean; onChange(checked: boolean): void; label: string }): VNode {
  return html`<p><label class="check"><input type="checkbox" checked=${checked} onChange=${(event: Event) => onChange((event.currentTarget as HTMLInputElement).checked)} /> ${label}</label></p>`;
}

function ExpertView({ data, userId, on }: { data: ReviewData; userId: string; on: string }): VNode {
  const [showAll, setShowAll] = useState(false);
  const mine = data.guides.filter((review) => review.owner === userId);
  const due = mine.filter((review) => isDue(review, on));
  const shown = showAll ? mine : due;
  const nextDue = mine.filter((review) => !isDue(review, on)).map((review) => review.due).sort()[0];
  return html`
    <p>Guides you own are due for review ${data.intervalDays} days after their last review, and a month ahead counts as due soon. Re-check each fact listed under a guide against its source, fix the guide, then set <code>reviewed</code> in its front matter.</p>
    <p class="muted">You own ${mine.length} guide${mine.length === 1 ? '' : 's'}, ${due.length} due for review.</p>
    ${mine.length > due.length ? html`<${OnlyDueSwitch} checked=${showAll} onChange=${setShowAll} label="Show all my guides" />` : ''}
    <section aria-labelledby="due-title">
      <h2 id="due-title">${showAll ? `Your guides (${shown.length})` : `Your guides due for review (${due.length})`}</h2>
      ${shown.length
        ? html`<ul class="review-list">${shown.map((review) => html`<${GuideCard} review=${review} on=${on} showOwner=${false} />`)}</ul>`
        : html`<p>Nothing is due. ${nextDue ? `Your next review is due on ${formatDate(nextDue)}.` : ''}</p>`}
    </section>`;
}

function CoordinatorView({ data, on }: { data: ReviewData; on: string }): VNode {
  const [onlyDue, setOnlyDue] = useState(false);
  const shown = onlyDue ? data.guides.filter((review) => isDue(review, on)) : data.guides;
  const dueCount = data.guides.filter((review) => isDue(review, on)).length;
  return html`
    <p>${data.guides.length} guides, ${dueCount} due for review (every ${data.intervalDays} days). Most urgent first.</p>
    <${OnlyDueSwitch} checked=${onlyDue} onChange=${setOnlyDue} label="Show only guides due for review" />
    <section aria-labelledby="all-title">
      <h2 id="all-title">${onlyDue ? 'Guides due for review' : 'All guides'} (${shown.length})</h2>
      <ul class="review-list">${shown.map((review) => html`<${GuideCard} review=${review} on=${on} showOwner=${true} />`)}</ul>
    </section>`;
}

export default function ReviewsPage({ user }: PageProps): VNode {
  const reviews = useLoad(loadReviews, []);
  const on = todayIso();
  return html`
    <${PageTitle}>Guide reviews<//>
    ${reviews.error ? html`<${ErrorNotice} error=${reviews.error} />` : ''}
    ${reviews.loading && !reviews.data ? html`<${Loading} what="Loading the guides" />` : ''}
    ${reviews.data
      ? user.role === 'coordinator'
        ? html`<${CoordinatorView} data=${reviews.data} on=${on} />`
        : html`<${ExpertView} data=${reviews.data} userId=${user.id} on=${on} />`
      : ''}`;
}
