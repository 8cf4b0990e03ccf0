// "What readers could not find" (coordinators): searches that found nothing, results nobody opened, guides
// readers said did not help and why, and the deflections of the same window: the to-do list for the guides.
// The counts are anonymous per-day aggregates (functions/analytics); deflections come from the service figures.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api/client.ts';
import type { AnalyticsReport, Figures } from '../api/types.ts';
import { Figure } from '../components/charts.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { TOPIC_TITLES } from '../topics.ts';
import { plural } from '../../../../functions/core/plural.ts';
import { NOT_COUNTED_PARAM } from '../../browser/readingEvents.ts';

const WINDOWS = [7, 30, 90] as const;
type QueryRow = AnalyticsReport['topQueries'][number];

const guideTitle = (slug: string) => (TOPIC_TITLES as Record<string, string>)[slug] ?? slug;
// The link says the visit is a check, not a reader's search (NOT_COUNTED_PARAM, honoured by the reading-events
// script): a coordinator looking at "no result" queries must not count them again.
const searchLink = (query: string) => html`<a href=${`/search/?${new URLSearchParams({ q: query, [NOT_COUNTED_PARAM]: '1' })}`}>${query}</a>`;

function QueryTable({ id, caption, rows, columns, empty }: {
  id: string; caption: string; rows: readonly QueryRow[]; empty: string;
  columns: ReadonlyArray<[string, (row: QueryRow) => string | number]>;
}): VNode {
  // The section is named by its heading; the scroll region inside gets a name of its own (two landmarks with
  // one name are one too many for a screen reader's list of regions: axe landmark-unique).
  return html`<section aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`}>${caption}</h2>
    ${rows.length === 0 ? html`<p class="muted">${empty}</p>` : html`<div class="table-scroll" tabindex="0" role="region" aria-label=${`${caption}, table`}><table class="data readers-queries" id=${id}>
      <thead><tr><th scope="col">Query</th>${columns.map(([label]) => html`<th scope="col" class="num">${label}</th>`)}</tr></thead>
      <tbody>${rows.map((row) => html`<tr><th scope="row">${searchLink(row.query)}</th>${columns.map(([, value]) => html`<td class="num">${value(row)}</td>`)}</tr>`)}</tbody>
    </table></div>`}
  </section>`;
}

function UnhelpfulGuides({ guides }: { guides: AnalyticsReport['unhelpfulGuides'] }): VNode {
  return html`<section aria-labelledby="unhelpful-title">
    <h2 id="unhelpful-title">Guides rated unhelpful</h2>
    ${guides.length === 0 ? html`<p class="muted">No guide was rated unhelpful in this window.</p>` : html`<ul class="unhelpful-guides">${guides.map((guide) => html`<li>
      <p><a href=${`/guides/${guide.guide}/`}>${guideTitle(guide.guide)}</a>: ${plural(guide.unhelpful, 'reader')} said no, ${guide.helpful} yes.</p>
      ${guide.reasons.length ? html`<ul class="reasons">${guide.reasons.map((reason) => html`<li><q>${reason.reason}</q>${reason.count > 1 ? ` (${reason.count}×)` : ''}</li>`)}</ul>` : html`<p class="muted">No reason given.</p>`}
    </li>`)}</ul>`}
  </section>`;
}

function Deflections({ figures }: { figures: Figures['deflections'] }): VNode {
  return html`<section aria-labelledby="deflections-title">
    <h2 id="deflections-title">Guides that spared a ticket</h2>
    <p class="hint">Requesters who left the new-ticket form after opening a suggested guide (also on the <a href="/app/service">Service</a> page).</p>
    ${figures.topGuides.length
      ? html`<ol>${figures.topGuides.map((item) => html`<li><a href=${`/guides/${item.guide}/`}>${guideTitle(item.guide)}</a>: ${item.count}</li>`)}</ol>`
      : html`<p class="muted">No deflections in this window.</p>`}
  </section>`;
}

function Report({ report, deflections }: { report: AnalyticsReport; deflections?: Figures['deflections'] }): VNode {
  const { totals } = report;
  return html`
    <dl class="figures">
      <${Figure} label="Searches" value=${totals.searches} detail=${`${plural(totals.opens, 'result')} opened`} />
      <${Figure} label="Found nothing" value=${totals.empty} detail="searches with no result" />
      <${Figure} label="Helpful / not" value=${`${totals.helpful} / ${totals.unhelpful}`} detail="answers under the guides" />
      ${deflections ? html`<${Figure} label="Deflections" value=${deflections.count} detail="left after a suggested guide" />` : ''}
    </dl>
    <${QueryTable} id="no-results" caption="Searches with no result" rows=${report.noResults} empty="Every search found something."
      columns=${[['Searches', (row: QueryRow) => row.searches], ['No result', (row: QueryRow) => row.empty]]} />
    <${QueryTable} id="no-clicks" caption="Results nobody opened" rows=${report.noClicks} empty="Readers opened a result for every query that had some."
      columns=${[['Searches', (row: QueryRow) => row.searches]]} />
    <${UnhelpfulGuides} guides=${report.unhelpfulGuides} />
    <${QueryTable} id="top-queries" caption="Top searches" rows=${report.topQueries} empty="No searches in this window."
      columns=${[['Searches', (row: QueryRow) => row.searches], ['Opened', (row: QueryRow) => row.opens], ['Mean position', (row: QueryRow) => row.meanPosition ?? '–']]} />
    ${deflections ? html`<${Deflections} figures=${deflections} />` : ''}`;
}

export default function ReadersPage({ query }: PageProps): VNode {
  const days = WINDOWS.find((value) => String(value) === query.get('days')) ?? 30;
  const report = useLoad(() => api.get<AnalyticsReport>('/analytics/report', { days }), [days]);
  // Deflections are the tickets function's figures, read where they live.
  const figures = useLoad(() => api.get<Figures>('/stats', { days }), [days]);
  return html`
    <${PageTitle}>What readers could not find<//>
    <p class="lead">The to-do list for the guides${report.data ? `, ${report.data.from} to ${report.data.to}` : ''}: what readers searched for and did not find, and which guides did not help them.</p>
    <p class="hint">Anonymous counts per day (no reader is identified), kept 13 months; readers whose browser asks not to be tracked are not counted.</p>
    <nav class="tabs" aria-label="Time window">${WINDOWS.map((value) => html`<a href=${`/app/readers?days=${value}`} aria-current=${value === days ? 'page' : undefined}>Last ${value} days</a>`)}</nav>
    <${ErrorNotice} error=${report.error ?? figures.error} />
    ${report.loading && !report.data ? html`<${Loading} what="Loading the report" />` : ''}
    ${report.data ? html`<${Report} report=${report.data} deflections=${figures.data?.deflections} />` : ''}`;
}
