// The expert's availability editor: weekly hours, exceptions (days off or other hours), time zone,
// slot length, buffer, notice and horizon. Errors of the API are shown on the row they name.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api, ApiError } from '../api/client.ts';
import { RowError, TimeZoneField, WeeklyEditor, type Window } from '../components/weeklyHours.ts';
import type { Availability } from '../api/types.ts';
import { ErrorNotice, Field, Loading, Notice, PageTitle } from '../components/ui.ts';
import { viewerZone } from '../format.ts';
import { useEditedDraft } from '../hooks.ts';
import { SLOT_MINUTES } from '../vocabulary.ts';

type Exception = { date: string; start?: string; end?: string };
interface Draft {
  timeZone: string;
  slotMinutes: number;
  weekly: Window[];
  exceptions: Exception[];
  bufferMinutes: number;
  noticeHours: number;
  horizonDays: number;
}

export function defaultDraft(timeZone: string): Draft {
  return { timeZone, slotMinutes: 60, weekly: [], exceptions: [], bufferMinutes: 0, noticeHours: 24, horizonDays: 60 };
}

export default function AvailabilityPage(): VNode {
  const { draft, loadError, error, saved, update, submit } = useEditedDraft<Draft>(
    async () => {
      const stored = await api.get<Availability>('/experts/me/availability');
      return { ...defaultDraft(stored.timeZone), ...stored, exceptions: stored.exceptions ?? [] } as Draft;
    },
    () => defaultDraft(viewerZone()),
  );
  if (loadError) return html`<${PageTitle}>Availability<//><${ErrorNotice} error=${loadError} />`;
  if (!draft) return html`<${PageTitle}>Availability<//><${Loading} what="Loading your availability" />`;

  const setException = (index: number, patch: Partial<Exception>) => update({ exceptions: draft.exceptions.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const numberOf = (event: Event) => Number((event.currentTarget as HTMLInputElement).value);
  const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

  const save = submit(async (draft) => {
    const exceptions = draft.exceptions.map(({ date, start, end }) => (start || end ? { date, start, end } : { date }));
    const stored = await api.put<Availability>('/experts/me/availability', { ...draft, exceptions });
    return { ...draft, ...stored } as Draft;
  });
  const topFields = ['timeZone', 'slotMinutes', 'bufferMinutes', 'noticeHours', 'horizonDays'];
  const placed = (error instanceof ApiError ? error.problem.errors ?? [] : [])
    .map((item) => item.field)
    .filter((field) => topFields.includes(field) || /^(weekly|exceptions)\.\d+/.test(field));
  return html`
    <${PageTitle}>Availability<//>
    <p class="lead">When SMEs may book you. Times are wall-clock times in your zone; slots respect the notice and the horizon.</p>
    <form class="stack availability" onSubmit=${save} novalidate>
      <div aria-live="polite">${saved ? html`<${Notice} kind="success">Your availability is saved.<//>` : ''}</div>
      <${ErrorNotice} error=${error} fields=${placed} />
      <div class="grid-3">
        <${TimeZoneField} value=${draft.timeZone} onChange=${(timeZone: string) => update({ timeZone })} error=${error} />
        <${Field} id="slotMinutes" label="Session length" error=${error}>${(describedBy: string | undefined) => html`
          <select id="slotMinutes" value=${String(draft.slotMinutes)} onChange=${(event: Event) => update({ slotMinutes: numberOf(event) })} aria-describedby=${describedBy}>
            ${SLOT_MINUTES.map((minutes) => html`<option value=${String(minutes)}>${minutes} minutes</option>`)}</select>`}<//>
        <${Field} id="bufferMinutes" label="Buffer between sessions (minutes)" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="bufferMinutes" type="number" min="0" max="120" value=${draft.bufferMinutes} onInput=${(event: Event) => update({ bufferMinutes: numberOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
        <${Field} id="noticeHours" label="Minimum notice (hours)" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="noticeHours" type="number" min="0" max="720" value=${draft.noticeHours} onInput=${(event: Event) => update({ noticeHours: numberOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
        <${Field} id="horizonDays" label="Bookable up to (days ahead)" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="horizonDays" type="number" min="1" max="365" value=${draft.horizonDays} onInput=${(event: Event) => update({ horizonDays: numberOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
      </div>

      <${WeeklyEditor} weekly=${draft.weekly} onChange=${(weekly: Window[]) => update({ weekly })} error=${error} />

      <fieldset class="exceptions">
        <legend>Exceptions</legend>
        <p class="hint">A date with no hours is a day off; with hours, those replace the weekly hours that day.</p>
        ${draft.exceptions.length === 0 ? html`<p class="muted">No exceptions.</p>` : ''}
        ${draft.exceptions.map((item, index) => html`<div class="window exception">
          <label for=${`x${index}-date`}>Date</label>
          <input id=${`x${index}-date`} type="date" value=${item.date} onInput=${(event: Event) => setException(index, { date: valueOf(event) })} aria-describedby=${`x${index}-error`} />
          <label for=${`x${index}-start`}>From</label>
          <input id=${`x${index}-start`} type="time" value=${item.start ?? ''} onInput=${(event: Event) => setException(index, { start: valueOf(event) || undefined })} aria-describedby=${`x${index}-error`} />
          <label for=${`x${index}-end`}>Until</label>
          <input id=${`x${index}-end`} type="time" value=${item.end ?? ''} onInput=${(event: Event) => setException(index, { end: valueOf(event) || undefined })} aria-describedby=${`x${index}-error`} />
          <button type="button" class="button secondary small" onClick=${() => update({ exceptions: draft.exceptions.filter((_, i) => i !== index) })}>Remove<span class="visually-hidden"> exception ${item.date}</span></button>
          <${RowError} error=${error} prefix=${`exceptions.${index}`} id=${`x${index}-error`} />
        </div>`)}
        <p><button type="button" class="button secondary" onClick=${() => update({ exceptions: [...draft.exceptions, { date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }] })}>Add an exception</button></p>
      </fieldset>
      <p><button type="submit">Save availability</button></p>
    </form>`;
}
