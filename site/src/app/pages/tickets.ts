// My tickets (SMEs: their own or their organisation's) or the queue (experts, coordinators), sorted by SLA due
// time, with filters that apply on change and live in the URL (ticketFilters.ts).
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Expert, Page, TicketSummary } from '../api/types.ts';
import { ErrorNotice, Loading, PageTitle, SlaBadge, slaDueOf, StatusBadge } from '../components/ui.ts';
import { categoryLabel, formatDateTime, humanize, ticketPath } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { navigate, type PageProps } from '../router.ts';
import { activeFilterCount, apiQueryOf, defaultOrder, filtersOfQuery, ONE_PAGE_MOST, ORDER_LABELS, queryOfFilters, type FilterName, type TicketFilters, type TicketOrder } from '../ticketFilters.ts';
import { PRIORITIES, SYSTEMS, TICKET_CATEGORIES, TICKET_STATUSES } from '../vocabulary.ts';
import { t, type Message } from '../i18n.ts';

/** The queue's order: the most urgent SLA clock first; tickets whose clock is paused go last. */
export function byDueTime(tickets: readonly TicketSummary[]): TicketSummary[] {
  return [...tickets].sort((a, b) => Number(a.sla.paused) - Number(b.sla.paused) || slaDueOf(a).localeCompare(slaDueOf(b)));
}

/** On narrow screens the table becomes this list of cards (CSS shows one or the other). */
function TicketCards({ tickets, caption, staff }: { tickets: TicketSummary[]; caption: string; staff: boolean }): VNode {
  return html`<ul class="ticket-cards" aria-label=${caption}>${tickets.map((ticket) => html`<li class="card ticket-card">
    <a href=${ticketPath(ticket)}><span class="ref">${ticket.reference}</span> ${ticket.subject}</a>
    <p class="ticket-card-badges"><${StatusBadge} status=${ticket.status} /> <${SlaBadge} ticket=${ticket} /></p>
    <p class="ticket-card-facts">${[t('{priority} priority', { priority: t(humanize(ticket.priority)) }), ...(staff ? [ticket.orgName ?? ticket.orgId, ticket.system, ticket.assigneeName ?? t('Unassigned')] : [ticket.requesterName])].filter(Boolean).join(' · ')}
      <span class="muted">${` · ${t('last activity {when}', { when: formatDateTime(ticket.lastActivityAt) })}`}</span></p>
  </li>`)}</ul>`;
}

function TicketTable({ tickets, caption, staff }: { tickets: TicketSummary[]; caption: string; staff: boolean }): VNode {
  if (!tickets.length) return html`<p class="empty">${t('No tickets here.')}</p>`;
  return html`<${TicketCards} tickets=${tickets} caption=${caption} staff=${staff} /><div class="table-scroll ticket-table"><table class="data">
    <caption class="visually-hidden">${caption}</caption>
    <thead><tr><th scope="col">${t('Ticket')}</th><th scope="col">${t('Status')}</th><th scope="col">${t('Priority')}</th><th scope="col">SLA</th>
      ${staff ? html`<th scope="col">${t('Organisation')}</th><th scope="col">${t('System')}</th><th scope="col">${t('Assignee')}</th>` : html`<th scope="col">${t('Requester')}</th>`}
      <th scope="col">${t('Last activity')}</th></tr></thead>
    <tbody>${tickets.map((ticket) => html`<tr>
      <td><a href=${ticketPath(ticket)}><span class="ref">${ticket.reference}</span> ${ticket.subject}</a></td>
      <td><${StatusBadge} status=${ticket.status} /></td>
      <td>${t(humanize(ticket.priority))}</td>
      <td><${SlaBadge} ticket=${ticket} /></td>
      ${staff ? html`<td>${ticket.orgName ?? ticket.orgId}</td><td>${ticket.system ?? '–'}</td><td>${ticket.assigneeName ?? html`<span class="muted">${t('Unassigned')}</span>`}</td>` : html`<td>${ticket.requesterName}</td>`}
      <td>${formatDateTime(ticket.lastActivityAt)}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/**
 * The requesters a staff member can narrow to: those of the tickets listed (there is no directory of requesters
 * to pick from), keeping the one chosen.
 */
export function requestersOf(tickets: ReadonlyArray<Pick<TicketSummary, 'requesterId' | 'requesterName'>>, chosen?: string): Array<[string, string]> {
  const names = new Map(tickets.map((ticket) => [ticket.requesterId, ticket.requesterName]));
  if (chosen && !names.has(chosen)) names.set(chosen, chosen);
  return [...names].sort((a, b) => a[1].localeCompare(b[1]));
}

/** Folded under "More filters" unless one of them is in use, so the list stays in view on a phone. */
const MORE_FILTERS: readonly FilterName[] = ['priority', 'category', 'system', 'assignee', 'requester', 'createdFrom', 'createdTo', 'sort'];

const CREATED_LABEL: Record<'createdFrom' | 'createdTo', Message> = { createdFrom: 'Created from', createdTo: 'Created until' };

function Filters({ filters, staff, experts, requesters }: { filters: TicketFilters; staff: boolean; experts: Expert[]; requesters: Array<[string, string]> }): VNode {
  const apply = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next: TicketFilters = {};
    for (const [name, value] of form) next[name as FilterName] = String(value);
    navigate(`/app/tickets${queryOfFilters(next)}`, { replace: true });
  };
  const select = (name: FilterName, label: Message, options: Array<[string, string]>) => html`<div class="field inline"><label for=${`f-${name}`}>${t(label)}</label>
    <select id=${`f-${name}`} name=${name} value=${filters[name] ?? ''}>${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select></div>`;
  const active = activeFilterCount(filters);
  // A changed menu or date applies at once (no Apply button to find); the search box applies on Enter or leaving it.
  return html`<form class="filters" role="search" onSubmit=${apply} onChange=${(event: Event) => (event.currentTarget as HTMLFormElement).requestSubmit()} aria-label=${t('Filter tickets')}>
    <div class="field inline search-field"><label for="f-q">${t('Find')}</label>
      <input id="f-q" name="q" type="search" value=${filters.q ?? ''} placeholder=${t('HD-1005 or words of the subject')} /></div>
    ${staff ? '' : html`<fieldset class="choice scope"><legend>${t('Whose tickets')}</legend>
      <label><input type="radio" name="scope" value="mine" checked=${filters.scope === 'mine'} /> ${t('Mine')}</label>
      <label><input type="radio" name="scope" value="" checked=${filters.scope !== 'mine'} /> ${t('My organisation\'s')}</label></fieldset>`}
    ${select('status', 'Status', [['', t('Open (new, open, waiting)')], ...TICKET_STATUSES.map((status): [string, string] => [status, t(humanize(status))]), ['all', t('All')]])}
    <details class="more-filters" open=${MORE_FILTERS.some((name) => filters[name])}>
      <summary>${t('More filters and order')}</summary>
      <div class="filters-more">
        ${select('priority', 'Priority', [['', t('Any priority')], ...PRIORITIES.map((priority): [string, string] => [priority, t(humanize(priority))])])}
        ${select('category', 'Category', [['', t('Any category')], ...TICKET_CATEGORIES.map((category): [string, string] => [category, categoryLabel(category)])])}
        ${select('system', 'System', [['', t('Any system')], ...SYSTEMS.map((system): [string, string] => [system, system === 'other' ? t('Other') : system])])}
        ${staff ? select('assignee', 'Assignee', [['', t('Anyone')], ['unassigned', t('Unassigned')], ['me', t('Me')], ...experts.map((expert): [string, string] => [expert.id, expert.name])]) : ''}
        ${staff ? select('requester', 'Requester', [['', t('Anyone')], ...requesters]) : ''}
        ${(['createdFrom', 'createdTo'] as const).map((name) => html`<div class="field inline"><label for=${`f-${name}`}>${t(CREATED_LABEL[name])}</label>
          <input id=${`f-${name}`} name=${name} type="date" value=${filters[name] ?? ''} /></div>`)}
        ${select('sort', 'Order', [['', t(ORDER_LABELS[defaultOrder(staff)])], ...(Object.keys(ORDER_LABELS) as TicketOrder[]).filter((order) => order !== defaultOrder(staff)).map((order): [string, string] => [order, t(ORDER_LABELS[order])])])}
      </div>
    </details>
    ${active ? html`<p class="filters-clear"><a href=${`/app/tickets${queryOfFilters({ scope: filters.scope })}`}>${t(active === 1 ? 'Clear 1 filter' : 'Clear {count} filters', { count: String(active) })}</a></p>` : ''}
  </form>`;
}

export default function TicketsPage({ user, query }: PageProps): VNode {
  const staff = user.role !== 'requester';
  const filters = filtersOfQuery(query);
  const key = queryOfFilters(filters);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(undefined);
  const fetchPage = (cursor?: string) => api.get<Page<TicketSummary>>('/tickets', { ...apiQueryOf(filters, defaultOrder(staff)), cursor });
  const tickets = useLoad(() => fetchPage(), [key]);
  const experts = useLoad(async () => (staff ? (await api.get<{ items: Expert[] }>('/experts')).items : []), [staff]);
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
  const order = (filters.sort as TicketOrder | undefined) || defaultOrder(staff);
  const byDue = order === 'due';
  const shown = tickets.data ? (byDue ? byDueTime(tickets.data.items) : tickets.data.items) : undefined;
  const whose = filters.scope === 'mine' ? t('Tickets you opened') : user.orgName ? t('{organisation}\'s tickets', { organisation: user.orgName }) : t('Your organisation\'s tickets');
  return html`
    <div class="page-head"><${PageTitle}>${title}<//>
      ${staff ? '' : html`<a class="button" href="/app/tickets/new">${t('New ticket')}</a>`}</div>
    <p class="lead">${staff ? '' : `${t('{tickets} with their status and service level.', { tickets: whose })} `}${byDue ? t('The SLA time due first comes first.') : `${t(ORDER_LABELS[order])}.`}</p>
    <${Filters} filters=${filters} staff=${staff} experts=${experts.data ?? []} requesters=${requestersOf(tickets.data?.items ?? [], filters.requester)} />
    ${tickets.loading && !tickets.data ? html`<${Loading} what="Loading tickets" />` : ''}
    <${ErrorNotice} error=${tickets.error ?? moreError} fields=${[]} />
    ${shown ? html`<${TicketTable} tickets=${shown} caption=${t(title)} staff=${staff} />` : ''}
    ${order !== 'activity' && tickets.data?.items.length === ONE_PAGE_MOST ? html`<p class="hint">${t('These are the first {count} in this order: narrow the list with the filters to see others.', { count: String(ONE_PAGE_MOST) })}</p>` : ''}
    ${tickets.data?.cursor ? html`<p><button type="button" class="button secondary" disabled=${loadingMore} onClick=${loadMore}>${t(loadingMore ? 'Loading…' : 'Load more tickets')}</button></p>` : ''}`;
}
