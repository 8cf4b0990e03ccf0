// Coordinators: each expert's duty, load and absences, the tickets at risk because their assignee is away
// (with a one-click reassignment), and setting an absence for an expert.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Absence, Absences, Duty, ExpertRoster, Reassigned } from '../api/types.ts';
import { absenceBody } from '../absences.ts';
import { AbsenceForm, AbsenceList } from '../components/absences.ts';
import { ServiceNav } from '../components/settings.ts';
import { ErrorNotice, Loading, Notice, PageTitle } from '../components/ui.ts';
import { formatDateTime, ticketPath, viewerZone } from '../format.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { plural } from '../../../../functions/core/plural.ts';

/** "On duty", "Off duty until Mon 09:00", "Away until 12 Jan 18:00". */
export function dutyText(duty: Duty): string {
  switch (duty.state) {
    case 'on duty': return 'On duty';
    case 'off duty': return duty.nextAt ? `Off duty until ${formatDateTime(duty.nextAt)}` : 'Off duty';
    case 'away': return duty.until ? `Away until ${formatDateTime(duty.until)}` : 'Away';
    default: return 'No support hours in the next two weeks';
  }
}

/** The zone an expert's absence days are read in: their support hours' zone, else the coordinator's. */
const zoneOf = (expert: ExpertRoster): string => expert.supportHours?.timeZone || viewerZone();

function RosterTable({ experts, onReassign, onRemoveAbsence, busy }: { experts: ExpertRoster[]; onReassign(expert: ExpertRoster): void; onRemoveAbsence(expert: ExpertRoster, absence: Absence): void; busy: string | undefined }): VNode {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="roster-caption"><table class="data roster">
    <caption id="roster-caption">Experts: duty, load and absences</caption>
    <thead><tr><th scope="col">Expert</th><th scope="col">Duty</th><th scope="col" class="num">Open tickets</th><th scope="col" class="num">Load</th>
      <th scope="col">Absences</th><th scope="col">Tickets at risk</th></tr></thead>
    <tbody>${experts.map((expert) => html`<tr>
      <th scope="row">${expert.name}<span class="muted roster-facts">${[expert.systems.join(', '), expert.languages.join(', ')].filter(Boolean).join(' · ')}</span></th>
      <td data-label="Duty"><span class=${`badge duty-${expert.duty.state.replace(/ /g, '-')}`}>${dutyText(expert.duty)}</span></td>
      <td class="num" data-label="Open tickets">${expert.openTickets}</td>
      <td class="num" data-label="Load">${expert.load}</td>
      <td data-label="Absences"><${AbsenceList} absences=${expert.absences} timeZone=${zoneOf(expert)} label=${`Absences of ${expert.name}`} onRemove=${(absence: Absence) => onRemoveAbsence(expert, absence)} /></td>
      <td data-label="Tickets at risk">${expert.atRisk.length ? html`
        <ul class="at-risk">${expert.atRisk.map((ticket) => html`<li><a href=${ticketPath({ id: ticket.ticketId, reference: ticket.reference })}><span class="ref">${ticket.reference}</span> ${ticket.subject}</a>
          <span class="muted"> due ${formatDateTime(ticket.due)}</span></li>`)}</ul>
        <button type="button" class="button small" disabled=${busy === expert.id} onClick=${() => onReassign(expert)}>
          Reassign ${plural(expert.atRisk.length, 'ticket')}<span class="visually-hidden"> of ${expert.name}</span></button>` : html`<span class="muted">None</span>`}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

export default function ExpertsPage({ user }: PageProps): VNode {
  const roster = useLoad(async () => (await api.get<{ experts: ExpertRoster[] }>('/routing/experts')).experts, []);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<VNode | string | undefined>(undefined);
  const experts = roster.data ?? [];
  const expert = experts.find((item) => item.id === chosen) ?? experts[0];

  const storeAbsences = async (who: ExpertRoster, absences: Absence[], done: string) => {
    await api.put<Absences>(`/routing/experts/${encodeURIComponent(who.id)}/absences`, { absences: absences.map(absenceBody) });
    await roster.reload();
    setNotice(done);
  };
  const removeAbsence = async (who: ExpertRoster, gone: Absence) => {
    setError(undefined);
    try {
      await storeAbsences(who, who.absences.filter((absence) => absence !== gone), `The absence of ${who.name} is removed.`);
    } catch (caught) {
      setError(caught);
    }
  };
  const reassign = async (who: ExpertRoster) => {
    setBusy(who.id);
    setError(undefined);
    setNotice(undefined);
    try {
      const { reassigned } = await api.post<Reassigned>(`/routing/experts/${encodeURIComponent(who.id)}/reassign`, {});
      await roster.reload();
      setNotice(html`<p>${plural(reassigned.length, 'ticket')} of ${who.name} reassigned.</p>
        <ul>${reassigned.map((item) => html`<li><a href=${ticketPath({ id: item.ticketId, reference: item.reference })}>${item.reference}</a>: ${item.reason}</li>`)}</ul>`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return html`
    <${PageTitle}>Experts<//>
    <${ServiceNav} path="/app/service/experts" />
    <p class="lead">Who is on duty, how loaded each expert is, and which tickets fall due while their assignee is away.</p>
    <div aria-live="polite">${notice ? html`<${Notice} kind="success">${notice}<//>` : ''}</div>
    <${ErrorNotice} error=${error ?? roster.error} />
    ${roster.loading && !roster.data ? html`<${Loading} what="Loading the experts" />` : ''}
    ${roster.data ? html`<${RosterTable} experts=${experts} onReassign=${reassign} onRemoveAbsence=${removeAbsence} busy=${busy} />` : ''}
    ${expert ? html`<section class="panel" aria-labelledby="set-absence-title">
      <h2 id="set-absence-title">Set an absence</h2>
      <div class="field"><label for="absence-expert">Expert</label>
        <select id="absence-expert" value=${expert.id} onChange=${(event: Event) => setChosen((event.currentTarget as HTMLSelectElement).value)}>
          ${experts.map((item) => html`<option value=${item.id}>${item.name}</option>`)}
        </select></div>
      <${AbsenceForm} key=${expert.id} user=${user} place=${`for-${expert.id}`} timeZone=${zoneOf(expert)} submitLabel=${`Add absence for ${expert.name}`}
        onAdd=${(absence: Absence) => storeAbsences(expert, [...expert.absences, absence], `The absence of ${expert.name} is saved.`)} />
    </section>` : ''}`;
}
