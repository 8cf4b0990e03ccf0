// The coordinator's service page: backlog, response and resolution medians, SLA breaches, deflections,
// tickets created per day (SVG), and organisations' mentoring allowances.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Allowance, Figures, OrganisationAllowance } from '../api/types.ts';
import { BarList, ColumnChart, Figure } from '../components/charts.ts';
import { ServiceNav } from '../components/settings.ts';
import { ErrorNotice, Field, Loading, Notice, PageTitle } from '../components/ui.ts';
import { formatMinutes, humanize } from '../format.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { TICKET_STATUSES } from '../vocabulary.ts';
import { plural } from '../../../../functions/core/plural.ts';

const WINDOWS = [7, 30, 90] as const;

function Figures({ figures }: { figures: Figures }): VNode {
  const byStatus = TICKET_STATUSES.filter((status) => status in figures.backlog.byStatus).map((status) => ({ label: humanize(status), value: figures.backlog.byStatus[status]! }));
  const bySystem = Object.entries(figures.backlog.bySystem).sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label: label === 'none' || label === 'unspecified' ? 'Not specified' : label, value }));
  const perDay = figures.createdPerDay.map(({ date, count }) => ({ label: date.slice(5), value: count }));
  return html`
    <dl class="figures">
      <${Figure} label="Open backlog" value=${figures.backlog.total} detail="tickets not resolved or closed" />
      <${Figure} label="Median first response" value=${formatMinutes(figures.firstResponse.medianMinutes)} detail=${`over ${plural(figures.firstResponse.count, 'ticket')}`} />
      <${Figure} label="Median resolution" value=${formatMinutes(figures.resolution.medianMinutes)} detail=${`over ${plural(figures.resolution.count, 'ticket')}`} />
      <${Figure} label="SLA breaches" value=${figures.slaBreaches.openBreached + figures.slaBreaches.closedInWindowBreached}
        detail=${`${figures.slaBreaches.openBreached} open, ${figures.slaBreaches.closedInWindowBreached} closed in the window`} />
      <${Figure} label="Created / resolved" value=${`${figures.created} / ${figures.resolved}`} detail=${`last ${plural(figures.windowDays, 'day')}`} />
      <${Figure} label="Deflections" value=${figures.deflections.count} detail="left after opening a suggested guide" />
    </dl>
    <${ColumnChart} title=${`Tickets created per day, last ${figures.windowDays} days`} points=${perDay} unit="tickets" />
    <div class="grid-2">
      <${BarList} title="Open backlog by status" points=${byStatus} />
      <${BarList} title="Open backlog by system" points=${bySystem} />
    </div>
    <section aria-labelledby="deflect-title">
      <h2 id="deflect-title">Guides that answered questions</h2>
      ${figures.deflections.topGuides.length
        ? html`<ol>${figures.deflections.topGuides.map((item) => html`<li><a href=${`/guides/${item.guide}/`}>${item.guide}</a>: ${item.count}</li>`)}</ol>`
        : html`<p class="muted">No deflections in this window.</p>`}
    </section>`;
}

function AllowanceTable({ organisations }: { organisations: OrganisationAllowance[] }): VNode {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="allowances-caption"><table class="data allowances">
    <caption id="allowances-caption">Mentoring minutes this quarter${organisations[0] ? ` (${organisations[0].quarter})` : ''}</caption>
    <thead><tr><th scope="col">Organisation</th><th scope="col" class="num">Allowance</th><th scope="col" class="num">Used</th><th scope="col" class="num">Remaining</th></tr></thead>
    <tbody>${organisations.map((org) => html`<tr>
      <th scope="row">${org.name} <span class="muted org-id">${org.id}</span></th>
      <td class="num">${org.minutes}</td><td class="num">${org.used}</td><td class="num">${org.remaining}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

function Allowances(): VNode {
  const organisations = useLoad(async () => (await api.get<{ items: OrganisationAllowance[] }>('/orgs')).items, []);
  const [orgId, setOrgId] = useState('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const current = organisations.data?.find((org) => org.id === orgId);
  const choose = (event: Event) => {
    const id = (event.currentTarget as HTMLSelectElement).value;
    setOrgId(id);
    setMinutes(String(organisations.data?.find((org) => org.id === id)?.minutes ?? ''));
    setError(undefined);
    setSaved(false);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api.put<Allowance>(`/orgs/${encodeURIComponent(orgId)}/allowance`, { minutes: Number(minutes) });
      await organisations.reload();
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return html`<section class="panel" aria-labelledby="allowance-title">
    <h2 id="allowance-title">Mentoring allowance</h2>
    <p class="hint">Minutes of mentoring an organisation may book per calendar quarter.</p>
    <${ErrorNotice} error=${organisations.error} />
    ${organisations.data ? html`<${AllowanceTable} organisations=${organisations.data} />` : html`<${Loading} what="Loading the organisations" />`}
    <form class="stack" onSubmit=${save} novalidate>
      <${ErrorNotice} error=${error} fields=${['minutes', 'id']} />
      <div class="grid-3">
        <${Field} id="org" field="id" label="Organisation" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <select id="org" value=${orgId} required onChange=${choose} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}>
            <option value="">Choose an organisation</option>
            ${(organisations.data ?? []).map((org) => html`<option value=${org.id}>${org.name} (${org.used} of ${org.minutes} min used)</option>`)}
          </select>`}<//>
        <${Field} id="minutes" label="Minutes per quarter" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="minutes" type="number" min="0" max="100000" step="15" value=${minutes} required onInput=${(event: Event) => { setMinutes((event.currentTarget as HTMLInputElement).value); setSaved(false); }}
            aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
      </div>
      ${current && minutes !== '' && Number(minutes) < current.used ? html`<p class="notice warning" id="minutes-below-use" role="status">
        ${current.name} has already booked ${plural(current.used, 'minute')} this quarter (${current.quarter}). With ${plural(Number(minutes), 'minute')} they cannot book new sessions until the next quarter; the sessions already booked are kept.
      </p>` : ''}
      <p class="actions"><button type="submit" disabled=${!orgId || minutes === ''}>Set allowance</button></p>
    </form>
    <div aria-live="polite">
      ${saved ? html`<${Notice} kind="success">Allowance saved.<//>` : ''}
      ${current ? html`<p class="allowance-now">${current.name}, ${current.quarter}: ${current.minutes} minutes, ${current.used} used, ${current.remaining} remaining.</p>` : ''}
    </div>
  </section>`;
}

export default function ServicePage({ query }: PageProps): VNode {
  const days = WINDOWS.find((value) => String(value) === query.get('days')) ?? 30;
  const figures = useLoad(() => api.get<Figures>('/stats', { days }), [days]);
  return html`
    <${PageTitle}>Service<//>
    <${ServiceNav} path="/app/service" />
    <p class="lead">How the helpdesk is doing${figures.data ? `, ${figures.data.from.slice(0, 10)} to ${figures.data.to.slice(0, 10)}` : ''}.</p>
    <nav class="tabs" aria-label="Time window">${WINDOWS.map((value) => html`<a href=${`/app/service?days=${value}`} aria-current=${value === days ? 'page' : undefined}>Last ${value} days</a>`)}</nav>
    <${ErrorNotice} error=${figures.error} />
    ${figures.loading && !figures.data ? html`<${Loading} what="Loading the figures" />` : ''}
    ${figures.data ? html`<${Figures} figures=${figures.data} />` : ''}
    <${Allowances} />`;
}
