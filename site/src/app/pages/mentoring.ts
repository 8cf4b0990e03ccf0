// Mentoring: the expert directory (topic, language, system), an expert's free times, and the booking form.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, idempotencyKey, isProblem } from '../api/client.ts';
import { draftKey, readDraft, useDraft } from '../drafts.ts';
import type { Allowance, Booking, Expert, Page, TicketSummary } from '../api/types.ts';
import { SlotPicker } from '../components/slotPicker.ts';
import { ErrorNotice, Field, Loading, PageTitle } from '../components/ui.ts';
import { formatDateTime, topicLabel } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { navigate, type PageProps } from '../router.ts';
import { SYSTEMS, TOPIC_IDS } from '../vocabulary.ts';
import { currentLanguage, t, tParts } from '../i18n.ts';

const LANGUAGES: Array<[string, string]> = [['en', 'English'], ['de', 'German'], ['fr', 'French'], ['es', 'Spanish'], ['it', 'Italian'], ['fi', 'Finnish'], ['pt', 'Portuguese']];
/** A language by its name in the person's language (Intl knows them all); English from the table. */
const languageName = (code: string) => (currentLanguage() === 'en' ? LANGUAGES.find(([id]) => id === code)?.[1] : new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(code)) ?? code;

/** The languages at least one expert speaks, in the menu's order; a filter on any other would find nobody. */
export function spokenLanguages(experts: ReadonlyArray<Pick<Expert, 'languages'>>): Array<[string, string]> {
  const spoken = new Set(experts.flatMap((expert) => expert.languages));
  return [...LANGUAGES.filter(([id]) => spoken.has(id)), ...[...spoken].filter((id) => !LANGUAGES.some(([known]) => known === id)).map((id): [string, string] => [id, id])];
}

function Filters({ query, languages }: { query: URLSearchParams; languages: Array<[string, string]> }): VNode {
  const apply = (event: Event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget as HTMLFormElement)) if (value) next.set(name, String(value));
    navigate(`/app/mentoring${next.size ? `?${next}` : ''}`, { replace: true });
  };
  // A changed menu applies at once.
  return html`<form class="filters" onSubmit=${apply} onChange=${(event: Event) => (event.currentTarget as HTMLFormElement).requestSubmit()} aria-label=${t('Filter experts')}>
    <div class="field inline"><label for="f-topic">${t('Topic')}</label>
      <select id="f-topic" name="topic" value=${query.get('topic') ?? ''}><option value="">${t('Any topic')}</option>
        ${TOPIC_IDS.map((id) => html`<option value=${id}>${topicLabel(id)}</option>`)}</select></div>
    <div class="field inline"><label for="f-lang">${t('Language')}</label>
      <select id="f-lang" name="lang" value=${query.get('lang') ?? ''}><option value="">${t('Any language')}</option>
        ${languages.map(([id]) => html`<option value=${id}>${languageName(id)}</option>`)}</select></div>
    <div class="field inline"><label for="f-system">${t('System')}</label>
      <select id="f-system" name="system" value=${query.get('system') ?? ''}><option value="">${t('Any system')}</option>
        ${SYSTEMS.filter((id) => id !== 'other').map((id) => html`<option value=${id}>${id}</option>`)}</select></div>
  </form>`;
}

/** The organisation's open tickets to relate a session to, by reference and subject (optional). */
function RelatedTicketField({ value, onChange, error }: { value: string; onChange(id: string): void; error: unknown }): VNode {
  const open = useLoad(async () => (await api.get<Page<TicketSummary>>('/tickets', { status: 'new,open,waiting', limit: 100 })).items, []);
  const hint = open.error ? t('Your tickets could not be loaded; you can book without one.') : open.data && !open.data.length ? t('Your organisation has no open tickets.') : undefined;
  return html`<${Field} id="ticketId" label=${t('Related ticket (optional)')} hint=${hint} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
    <select id="ticketId" value=${value} onChange=${(event: Event) => onChange((event.currentTarget as HTMLSelectElement).value)} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}>
      <option value="">${t('None')}</option>
      ${(open.data ?? []).map((ticket) => html`<option value=${ticket.id}>${ticket.reference} · ${ticket.subject}</option>`)}
    </select>`}<//>`;
}

/** A booking being written, kept across a reload: for which expert, the chosen time and what was typed. */
interface BookingDraft {
  expertId: string;
  start: string;
  topic: string;
  notes: string;
  system: string;
  ticketId: string;
}

const bookingDraftKey = (userId: string) => draftKey(userId, 'booking');

function BookingForm({ expert, userId, onBooked, initialTopic = '' }: { expert: Expert; userId: string; onBooked(booking: Booking): void; initialTopic?: string }): VNode {
  // A chosen time or typed text is kept; the topic the filter filled in alone is not worth asking about on leaving.
  const [draft, setDraft, clearDraft] = useDraft<BookingDraft>(bookingDraftKey(userId),
    { expertId: expert.id, start: '', topic: initialTopic, notes: '', system: '', ticketId: '' },
    (value) => Boolean(value.start || value.notes.trim() || value.ticketId.trim() || (value.topic.trim() && value.topic !== initialTopic)));
  // Text typed for another expert carries over; their time does not.
  const start = draft.expertId === expert.id && draft.start ? draft.start : undefined;
  const { topic, notes, system, ticketId } = draft;
  const edit = (change: Partial<BookingDraft>) => setDraft({ ...draft, expertId: expert.id, start: start ?? '', ...change });
  const setStart = (value: string | undefined) => edit({ start: value ?? '' });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [slotsVersion, setSlotsVersion] = useState(0);
  const key = useRef(idempotencyKey());
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!start) {
      setError(new ApiError({ type: 'about:blank', title: t('Choose a time'), status: 400, errors: [{ field: 'start', message: t('Choose one of the free times above.') }] }));
      return;
    }
    setBusy(true);
    try {
      const booking = await api.post<Booking>('/bookings', {
        expertId: expert.id, start, topic, ...(notes ? { notes } : {}), ...(system ? { system } : {}), ...(ticketId ? { ticketId } : {}),
      }, { 'Idempotency-Key': key.current });
      key.current = idempotencyKey();
      clearDraft();
      onBooked(booking);
    } catch (caught) {
      setError(caught);
      // The slot went, or this attempt died: pick again under a new key (the old one answers with the same refusal).
      if (isProblem(caught, 'slot.taken', 'booking.interrupted', 'busy')) {
        setStart(undefined);
        setSlotsVersion((value) => value + 1);
        key.current = idempotencyKey();
      }
    } finally {
      setBusy(false);
    }
  };
  const input = (field: keyof BookingDraft) => (event: Event) => edit({ [field]: (event.currentTarget as HTMLInputElement).value });
  return html`<form class="stack booking-form" onSubmit=${submit} aria-labelledby="book-title" novalidate>
    <h2 id="book-title" tabindex="-1">${t('Book {name}', { name: expert.name })}</h2>
    <${SlotPicker} expertId=${expert.id} expertName=${expert.name} selected=${start} onSelect=${setStart} version=${slotsVersion} />
    ${error instanceof ApiError && error.fieldMessage('start') ? html`<p class="field-error" role="alert">${error.fieldMessage('start')}</p>` : ''}
    <${ErrorNotice} error=${error} fields=${['start', 'topic', 'notes', 'system', 'ticketId']} />
    <${Field} id="topic" label=${t('What would you like to work on?')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
      <input id="topic" type="text" required minlength="3" maxlength="200" value=${topic} onInput=${input('topic')} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
    <${Field} id="notes" label=${t('Notes for the expert (optional)')} hint=${t('Your setup, what you tried, links to code or logs.')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
      <textarea id="notes" rows="4" maxlength="5000" value=${notes} onInput=${input('notes')} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}></textarea>`}<//>
    <p class="hint" id="attach-estimate">${tParts('Planning a compute request? {link}: paste its link or its paragraph into the notes.', { link: html`<a href="/tools/estimate/">${t('Attach an estimate')}</a>` })}</p>
    <div class="grid-2">
      <${Field} id="booking-system" field="system" label=${t('System (optional)')} error=${error}>${(describedBy: string | undefined) => html`
        <select id="booking-system" value=${system} onChange=${input('system')} aria-describedby=${describedBy}><option value="">${t('Not specific')}</option>
          ${SYSTEMS.map((id) => html`<option value=${id}>${id === 'other' ? t('Other') : id}</option>`)}</select>`}<//>
      <${RelatedTicketField} value=${ticketId} onChange=${(id: string) => edit({ ticketId: id })} error=${error} />
    </div>
    <p><button type="submit" disabled=${busy}>${t(busy ? 'Booking…' : 'Book this session')}</button></p>
  </form>`;
}

function ExpertCard({ expert, onChoose, chosen }: { expert: Expert; onChoose(): void; chosen: boolean }): VNode {
  return html`<li class="card expert">
    <h2 class="h3">${expert.name}</h2>
    <p>${expert.bio}</p>
    <dl class="facts compact">
      <div><dt>${t('Topics')}</dt><dd>${expert.expertise.map(topicLabel).join(', ') || '–'}</dd></div>
      ${expert.skills.length ? html`<div><dt>${t('Skills')}</dt><dd>${expert.skills.join(', ')}</dd></div>` : ''}
      <div><dt>${t('Languages')}</dt><dd>${expert.languages.map(languageName).join(', ')}</dd></div>
      <div><dt>${t('Systems')}</dt><dd>${expert.systems.join(', ') || '–'}</dd></div>
      <div><dt>${t('Time zone')}</dt><dd>${expert.timeZone || '–'}</dd></div>
    </dl>
    ${expert.bookable
      ? html`<button type="button" class=${chosen ? 'button' : 'button secondary'} aria-pressed=${chosen} onClick=${onChoose}>${t('See free times with {name}', { name: expert.name })}</button>`
      : html`<p class="muted">${t('Not taking bookings at the moment.')}</p>`}
  </li>`;
}

/** What the organisation has left this quarter, so a requester knows before choosing a time. */
function AllowanceNote({ orgId, version }: { orgId: string; version: string }): VNode | null {
  const allowance = useLoad(() => api.get<Allowance>(`/orgs/${encodeURIComponent(orgId)}/allowance`), [orgId, version]);
  if (!allowance.data) return null;
  const { remaining, minutes, quarter } = allowance.data;
  return html`<p class="allowance-note">${tParts('Your organisation has {left} of mentoring left in {quarter}.', { left: html`<strong>${t('{remaining} of {minutes} minutes', { remaining: String(remaining), minutes: String(minutes) })}</strong>` }, { quarter })}</p>`;
}

export default function MentoringPage({ query, user }: PageProps): VNode {
  const key = query.toString();
  // Every expert, once: the language menu offers only what someone speaks.
  const everyone = useLoad(() => api.get<{ items: Expert[] }>('/experts'), []);
  const topicId = TOPIC_IDS.find((id) => id === query.get('topic'));
  const experts = useLoad(() => api.get<{ items: Expert[] }>('/experts', {
    topic: query.get('topic') ?? undefined, lang: query.get('lang') ?? undefined, system: query.get('system') ?? undefined,
  }), [key]);
  const [chosen, setChosen] = useState<Expert | undefined>(undefined);
  const [booked, setBooked] = useState<Booking | undefined>(undefined);
  // Focus goes to the booking form in the render that shows it (not on a later animation frame, which a busy tab delays).
  const focusBooking = useRef(false);
  useLayoutEffect(() => {
    const title = focusBooking.current ? document.getElementById('book-title') : null;
    if (!title) return;
    focusBooking.current = false;
    title.focus();
  });
  const choose = (expert: Expert) => {
    focusBooking.current = true;
    setChosen(expert);
    setBooked(undefined);
  };
  // A booking left half-written (reload, closed tab) opens again with its expert.
  useEffect(() => {
    const saved = readDraft<BookingDraft>(bookingDraftKey(user.id));
    const expert = saved && everyone.data?.items.find((item) => item.id === saved.expertId && item.bookable);
    if (expert && !chosen) setChosen(expert);
  }, [everyone.data]);
  // The confirmation sits above the directory, far from the form's button: it takes focus and comes into view.
  const onBooked = (booking: Booking) => {
    setBooked(booking);
    requestAnimationFrame(() => {
      const notice = document.getElementById('booked-notice');
      notice?.scrollIntoView({ block: 'center' });
      notice?.focus({ preventScroll: true });
    });
  };
  return html`
    <${PageTitle}>Mentoring<//>
    <p class="lead">${t('Book a session with an expert: pick someone who knows your topic, language and system, then a free time.')}</p>
    ${user.orgId ? html`<${AllowanceNote} orgId=${user.orgId} version=${booked?.id ?? ''} />` : ''}
    <${Filters} query=${query} languages=${spokenLanguages(everyone.data?.items ?? [])} />
    ${booked ? html`<div class="notice success" role="status" id="booked-notice" tabindex="-1">${t('Booked: “{topic}” with {name} on {when}.', { topic: booked.topic, name: booked.expertName, when: formatDateTime(booked.start) })} <a href="/app/sessions">${t('See my sessions')}</a>.</div>` : ''}
    <${ErrorNotice} error=${experts.error} />
    ${experts.loading && !experts.data ? html`<${Loading} what="Loading experts" />` : ''}
    ${experts.data ? html`
      ${experts.data.items.length === 0 ? html`<p class="empty">${t('No expert matches these filters.')} <a href="/app/mentoring">${t('Show every expert')}</a>.</p>` : ''}
      <ul class="cards experts" aria-label=${t('Experts')}>${experts.data.items.map((expert) => html`
        <${ExpertCard} key=${expert.id} expert=${expert} chosen=${chosen?.id === expert.id} onChoose=${() => choose(expert)} />`)}</ul>` : ''}
    ${chosen && !booked ? html`<section class="panel" aria-label=${t('Book {name}', { name: chosen.name })}><${BookingForm} key=${chosen.id} expert=${chosen} userId=${user.id} onBooked=${onBooked} initialTopic=${topicId ? topicLabel(topicId) : ''} /></section>` : ''}`;
}
