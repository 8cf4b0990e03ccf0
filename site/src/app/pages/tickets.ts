// My tickets (SMEs: the organisation's tickets) or the queue (experts, coordinators: sorted by SLA due time).
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Page, TicketSummary } from '../api/types.ts';
import { ErrorNotice, Loading, PageTitle, SlaBadge, slaDueOf, StatusBadge } from '../components/ui.ts';
import { formatDateTime, humanize } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { navigate, type PageProps } from '../router.ts';
import { SYSTEMS, TICKET_STATUSES } from '../vocabulary.ts';

const OPEN_STATUSES = 'new,open,waiting';

/** The queue's order: the most urgent SLA clock first; tickets whose clock is paused go last. */
export function byDueTime(tickets: readonly TicketSummary[]): TicketSummary[] {
  return [...tickets].sort((a, b) => Number(a.sla.paused) - Number(b.sla.paused) || slaDueOf(a).localeCompare(slaDueOf(b)));
}

/** On narrow screens the table becomes this list of cards (CSS shows one or the other). */
function TicketCards({ tickets, caption, staff }: { tickets: TicketSummary[]; caption: string; staff: boolean }): VNode {
  return html`<ul class="ticket-cards" aria-label=${caption}>${tickets.map((ticket) => html`<li class="card ticket-card">
    <a href=${`/app/tickets/${ticket.id}`}><span class="ref">${ticket.reference}</span> ${ticket.subject}</a>
    <p class="ticket-card-badges"><${StatusBadge} status=${ticket.status} /> <${SlaBadge} ticket=${ticket} /></p>
    <p class="ticket-card-facts">${[`${humanize(ticket.priority)} priority`, ...(staff ? [ticket.orgId, ticket.system, ticket.assigneeName ?? 'Unassigned'] : [ticket.requesterName])].filter(Boolean).join(' · ')}
      <span class="muted">${` · last activity ${formatDateTime(ticket.lastActivityAt)}`}</span></p>
  </li>`)}</ul>`;
}

function TicketTable({ tickets, caption, staff }: { tickets: TicketSummary[]; caption: string; staff: boolean }): VNode {
  if (!tickets.length) return html`<p class="empty">No tickets here.</p>`;
  return html`<${TicketCards} tickets=${tickets} caption=${caption} staff=${staff} /><div class="table-scroll ticket-table"><table class="data">
    <caption class="visually-hidden">${caption}</caption>
    <thead><tr><th scope="col">Ticket</th><th scope="col">Status</th><th scope="col">Priority</th><th scope="col">SLA</th>
      ${staff ? html`<th scope="col">Organisation</th><th scope="col">System</th><th scope="col">Assignee</th>` : html`<th scope="col">Requester</th>`}
      <th scope="col">Last activity</th></tr></thead>
    <tbody>${tickets.map((ticket) => html`<tr>
      <td><a href=${`/app/tickets/${ticket.id}`}><span class="ref">${ticket.reference}</span> ${ticket.subject}</a></td>
      <td><${StatusBadge} status=${ticket.status} /></td>
      <td>${humanize(ticket.priority)}</td>
      <td><${SlaBadge} ticket=${ticket} /></td>
      ${staff ? html`<td>${ticket.orgId}</td><td>${ticket.system ?? '–'}</td><td>${ticket.assigneeName ?? html`<span class="muted">Unassigned</span>`}</td>` : html`<td>${ticket.requesterName}</td>`}
      <td>${formatDateTime(ticket.lastActivityAt)}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

function Filters({ query, staff }: { query: URLSearchParams; staff: boolean }): VNode {
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next = new URLSearchParams();
    for (const [name, value] of form) if (value) next.set(name, String(value));
    navigate(`/app/tickets${next.size ? `?${next}` : ''}`, { replace: true });
  };
  // A changed menu applies at once (no Apply button to find).
  return html`<form class="filters" onSubmit=${apply} onChange=${(event: Event) => (event.currentTarget as HTMLFormElement).requestSubmit()} aria-label="Filter tickets">
    ${staff ? html`<div class="field inline"><label for="f-assignee">Assignee</label>
      <select id="f-assignee" name="assignee" value=${query.get('assignee') ?? ''}>
        <option value="">Anyone</option><option value="unassigned">Unassigned</option><option value="me">Mine</option>
      </select></div>` : ''}
    <div class="field inline"><label for="f-status">Status</label>
      <select id="f-status" name="status" value=${query.get('status') ?? ''}>
        <option value="">Open (new, open, waiting)</option>
        ${TICKET_STATUSES.map((status) => html`<option value=${status}>${humanize(status)}</option>`)}
        <option value="all">All</option>
      </select></div>
    ${staff ? html`<div class="field inline"><label for="f-system">System</label>
      <select id="f-system" name="system" value=${query.get('system') ?? ''}>
        <option value="">Any system</option>${SYSTEMS.map((system) => html`<option value=${system}>${system}</option>`)}
      </select></div>` : ''}
  </form>`;
}

export default function TicketsPage({ user, query }: PageProps): VNode {
  const staff = user.role !== 'requester';
  const key = query.toString();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const fetchPage = (cursor?: string) => {
    const status = query.get('status');
    return api.get<Page<TicketSummary>>('/tickets', {
      status: status === 'all' ? undefined : status || OPEN_STATUSES,
      assignee: query.get('assignee') ?? undefined,
      system: query.get('system') ?? undefined,
      limit: 50,
      cursor,
    });
  };
  const tickets = useLoad(() => fetchPage(), [key]);
  const loadMore = async () => {
    if (!tickets.data?.cursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await fetchPage(tickets.data.cursor);
      tickets.set({ items: [...tickets.data.items, ...next.items], ...(next.cursor ? { cursor: next.cursor } : {}) });
    } catch (caught) {
      setMoreError(caught);
    } finally {
      setLoadingMore(false);
    }
  };
  const title = staff ? (user.role === 'expert' ? 'Ticket queue' : 'Tickets') : 'My tickets';
  const shown = tickets.data ? (staff ? byDueTime(tickets.data.items) : tickets.data.items) : undefined;
  return html`
    <div class="page-head"><${PageTitle}>${title}<//>
      ${staff ? '' : html`<a class="button" href="/app/tickets/new">New ticket</a>`}</div>
    <p class="lead">${staff ? 'Sorted by the SLA time that is due first.' : `${user.orgName ?? 'Your organisation'}'s tickets with their status and service level.`}</p>
    <${Filters} query=${query} staff=${staff} />
    ${tickets.loading && !tickets.data ? html`<${Loading} what="Loading tickets" />` : ''}
    <${ErrorNotice} error=${tickets.error ?? moreError} />
    ${shown ? html`<${TicketTable} tickets=${shown} caption=${title} staff=${staff} />` : ''}
    ${tickets.data?.cursor ? html`<p><button type="button" class="button secondary" disabled=${loadingMore} onClick=${loadMore}>${loadingMore ? 'Loading…' : 'Load more tickets'}</button></p>` : ''}`;
}
