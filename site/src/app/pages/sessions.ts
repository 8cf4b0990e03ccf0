// My sessions: upcoming, past and cancelled bookings; cancel, reschedule, and the .ics invitation.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api, apiUrl, authHeaders, ApiError, isProblem } from '../api/client.ts';
import type { Booking, Page } from '../api/types.ts';
import { SlotPicker } from '../components/slotPicker.ts';
import { ErrorNotice, Loading, Notice, PageTitle } from '../components/ui.ts';
import { formatDateTime, formatTimeRange, viewerZone } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { navigate, type PageProps } from '../router.ts';
import { t, type Message } from '../i18n.ts';

// A requester sees the whole organisation's sessions (colleagues share its allowance), each saying who booked it.
const SESSIONS_TITLE = { requester: 'Your organisation\'s sessions', expert: 'My sessions', coordinator: 'Sessions' } as const;

const FILTERS = [['upcoming', 'Upcoming', 'No upcoming sessions.'], ['past', 'Past', 'No past sessions.'], ['cancelled', 'Cancelled', 'No cancelled sessions.']] as const satisfies ReadonlyArray<readonly [string, Message, Message]>;
type Filter = (typeof FILTERS)[number][0];

/** The invitation needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadIcs(booking: Booking): Promise<void> {
  const response = await fetch(apiUrl(`/bookings/${booking.id}/ics`), { headers: authHeaders() });
  if (!response.ok) throw new ApiError({ type: 'about:blank', title: t('The invitation could not be downloaded'), status: response.status });
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `mentoring-${booking.id}.ics` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Reschedule({ booking, onDone, onCancel }: { booking: Booking; onDone(booking: Booking): void; onCancel(): void }): VNode {
  const [start, setStart] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [version, setVersion] = useState(0);
  const move = async (event: Event) => {
    event.preventDefault();
    if (!start) return;
    try {
      onDone(await api.post<Booking>(`/bookings/${booking.id}/reschedule`, { start }));
    } catch (caught) {
      setError(caught);
      // The free slots changed under the picker (or the booking did): show them afresh.
      if (isProblem(caught, 'slot.taken', 'booking.changed', 'busy')) setVersion((value) => value + 1);
    }
  };
  return html`<form class="stack reschedule" onSubmit=${move} aria-label=${t('Reschedule {topic}', { topic: booking.topic })}>
    <${ErrorNotice} error=${error} />
    <${SlotPicker} expertId=${booking.expertId} expertName=${booking.expertName} selected=${start} onSelect=${setStart} version=${version} />
    <p class="actions"><button type="submit" disabled=${!start}>${t('Move the session')}</button>
      <button type="button" class="button secondary" onClick=${onCancel}>${t('Keep the current time')}</button></p>
  </form>`;
}

function SessionItem({ booking, role, viewerId, onChanged }: { booking: Booking; role: string; viewerId: string; onChanged(text: string): void }): VNode {
  const [mode, setMode] = useState<'idle' | 'cancel' | 'reschedule'>('idle');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const zone = viewerZone();
  const upcoming = booking.status === 'booked' && Date.parse(booking.start) > Date.now();
  const cancel = async (event: Event) => {
    event.preventDefault();
    try {
      await api.post<Booking>(`/bookings/${booking.id}/cancel`, reason.trim() ? { reason: reason.trim() } : {});
      onChanged(t('Cancelled “{topic}”.', { topic: booking.topic }));
    } catch (caught) {
      setError(caught);
    }
  };
  const organisation = booking.orgName ?? booking.orgId;
  const other = role === 'expert' ? `${booking.requesterName} (${organisation})` : role === 'coordinator' ? t('{requester} ({organisation}) with {expert}', { requester: booking.requesterName, organisation, expert: booking.expertName }) : booking.expertName;
  return html`<li class="card session">
    <h2 class="h3">${booking.topic}</h2>
    <p><strong>${formatTimeRange(booking.start, booking.end, zone)}</strong>
      ${booking.status === 'cancelled' ? html` <span class="badge status-closed">${t('Cancelled')}</span>` : ''}</p>
    <p>${t(role === 'requester' ? 'With {name}' : 'Booked by {name}', { name: other })}${booking.system ? ` · ${booking.system}` : ''}</p>
    ${role === 'requester' && booking.requesterId !== viewerId ? html`<p class="booked-by">${t('Booked by {name}', { name: booking.requesterName })}</p>` : ''}
    ${booking.status === 'booked' ? html`<p>${t('Meeting link:')} <a href=${/^https:\/\//.test(booking.meetingLink) ? booking.meetingLink : undefined} target="_blank" rel="noopener noreferrer">${booking.meetingLink}</a></p>` : ''}
    ${booking.notes ? html`<p class="notes">${booking.notes}</p>` : ''}
    <${ErrorNotice} error=${error} />
    <p class="actions">
      <button type="button" class="button secondary" onClick=${() => downloadIcs(booking).catch(setError)}>${t('Download .ics')}</button>
      ${upcoming && mode === 'idle' ? html`
        <button type="button" class="button secondary" onClick=${() => setMode('reschedule')}>${t('Reschedule')}</button>
        <button type="button" class="button secondary danger" onClick=${() => setMode('cancel')}>${t('Cancel session')}</button>` : ''}
    </p>
    ${mode === 'cancel' ? html`<form class="stack" onSubmit=${cancel} aria-label=${t('Cancel {topic}', { topic: booking.topic })}>
      <div class="field"><label for=${`reason-${booking.id}`}>${t('Reason (optional, shared with the other side)')}</label>
        <input id=${`reason-${booking.id}`} type="text" maxlength="1000" value=${reason} onInput=${(event: Event) => setReason((event.currentTarget as HTMLInputElement).value)} /></div>
      <p class="actions"><button type="submit" class="danger">${t('Confirm cancellation')}</button>
        <button type="button" class="button secondary" onClick=${() => setMode('idle')}>${t('Keep the session')}</button></p>
    </form>` : ''}
    ${mode === 'reschedule' ? html`<${Reschedule} booking=${booking} onCancel=${() => setMode('idle')}
      onDone=${(moved: Booking) => onChanged(t('Moved “{topic}” to {when}.', { topic: moved.topic, when: formatDateTime(moved.start, zone) }))} />` : ''}
  </li>`;
}

export default function SessionsPage({ query, user }: PageProps): VNode {
  const filter: Filter = (FILTERS.find(([id]) => id === query.get('filter'))?.[0]) ?? 'upcoming';
  const [message, setMessage] = useState<string | undefined>(undefined);
  const sessions = useLoad(() => api.get<Page<Booking>>('/bookings', { filter }), [filter]);
  const changed = (text: string) => {
    setMessage(text);
    void sessions.reload();
  };
  return html`
    <div class="page-head"><${PageTitle}>${SESSIONS_TITLE[user.role]}<//>
      ${user.role === 'requester' ? html`<a class="button" href="/app/mentoring">${t('Book a session')}</a>` : ''}</div>
    <nav class="tabs" aria-label=${t('Which sessions')}>
      ${FILTERS.map(([id, label]) => html`<a href=${`/app/sessions?filter=${id}`} aria-current=${filter === id ? 'page' : undefined}
        onClick=${(event: Event) => { event.preventDefault(); setMessage(undefined); navigate(`/app/sessions?filter=${id}`, { replace: true }); }}>${t(label)}</a>`)}
    </nav>
    <div aria-live="polite">${message ? html`<${Notice} kind="success">${message}<//>` : ''}</div>
    <${ErrorNotice} error=${sessions.error} />
    ${sessions.loading && !sessions.data ? html`<${Loading} what="Loading sessions" />` : ''}
    ${sessions.data ? (sessions.data.items.length
      ? html`<ul class="cards sessions" aria-label=${t('Sessions')}>${sessions.data.items.map((booking) => html`<${SessionItem} key=${`${booking.id}-${booking.sequence}`} booking=${booking} role=${user.role} viewerId=${user.id} onChanged=${changed} />`)}</ul>`
      : html`<p class="empty">${t(FILTERS.find(([id]) => id === filter)![2])}</p>`) : ''}`;
}
