// The expert's availability editor: weekly hours, exceptions (days off or other hours), time zone,
// slot length, buffer, notice and horizon. Errors of the API are shown on the row they name.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api, ApiError } from '../api/client.ts';
import type { Availability } from '../api/types.ts';
import { ErrorNotice, Field, Loading, Notice, PageTitle } from '../components/ui.ts';
import { viewerZone } from '../format.ts';
import { useEditedDraft } from '../hooks.ts';
import { SLOT_MINUTES, WEEKDAYS } from '../vocabulary.ts';

type Weekday = (typeof WEEKDAYS)[number];
type Window = { day: Weekday; start: string; end: string };
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

const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export function defaultDraft(timeZone: string): Draft {
  return { timeZone, slotMinutes: 60, weekly: [], exceptions: [], bufferMinutes: 0, noticeHours: 24, horizonDays: 60 };
}

/** The API's messages for one array item ("weekly.3", "weekly.3.end"). */
function rowMessages(error: unknown, prefix: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).filter((item) => item.field === prefix || item.field.startsWith(`${prefix}.`)).map((item) => item.message);
}

function RowError({ error, prefix, id }: { error: unknown; prefix: string; id: string }): VNode | null {
  const messages = rowMessages(error, prefix);
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join(' ')}</p>` : null;
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

  const setWindow = (index: number, patch: Partial<Window>) => update({ weekly: draft.weekly.map((window, i) => (i === index ? { ...window, ...patch } : window)) });
  const setException = (index: number, patch: Partial<Exception>) => update({ exceptions: draft.exceptions.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const numberOf = (event: Event) => Number((event.currentTarget as HTMLInputElement).value);
  const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

  const save = submit(async (draft) => {
    const exceptions = draft.exceptions.map(({ date, start, end }) => (start || end ? { date, start, end } : { date }));
    const stored = await api.put<Availability>('/experts/me/availability', { ...draft, exceptions });
    return { ...draft, ...stored } as Draft;
  });

  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
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
        <${Field} id="timeZone" label="Time zone" error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="timeZone" type="text" list="zones" value=${draft.timeZone} onInput=${(event: Event) => update({ timeZone: valueOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />
          <datalist id="zones">${zones.map((zone) => html`<option value=${zone} />`)}</datalist>`}<//>
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

      <fieldset class="week">
        <legend>Weekly hours</legend>
        <table class="data week-grid">
          <thead><tr><th scope="col">Day</th><th scope="col">Hours</th><th scope="col"><span class="visually-hidden">Add</span></th></tr></thead>
          <tbody>${WEEKDAYS.map((day) => html`<tr>
            <th scope="row">${DAY_NAMES[day]}</th>
            <td>${draft.weekly.map((window, index) => window.day !== day ? '' : html`<div class="window">
              <label class="visually-hidden" for=${`w${index}-start`}>${DAY_NAMES[day]} from</label>
              <input id=${`w${index}-start`} type="time" value=${window.start} onInput=${(event: Event) => setWindow(index, { start: valueOf(event) })} aria-describedby=${`w${index}-error`} />
              <span aria-hidden="true">–</span>
              <label class="visually-hidden" for=${`w${index}-end`}>${DAY_NAMES[day]} until</label>
              <input id=${`w${index}-end`} type="time" value=${window.end} onInput=${(event: Event) => setWindow(index, { end: valueOf(event) })} aria-describedby=${`w${index}-error`} />
              <button type="button" class="button secondary small" onClick=${() => update({ weekly: draft.weekly.filter((_, i) => i !== index) })}>Remove<span class="visually-hidden"> ${DAY_NAMES[day]} ${window.start}–${window.end}</span></button>
              <${RowError} error=${error} prefix=${`weekly.${index}`} id=${`w${index}-error`} />
            </div>`)}
            ${draft.weekly.some((window) => window.day === day) ? '' : html`<span class="muted">Not available</span>`}</td>
            <td><button type="button" class="button secondary small" onClick=${() => update({ weekly: [...draft.weekly, { day, start: '09:00', end: '12:00' }] })}>Add hours<span class="visually-hidden"> on ${DAY_NAMES[day]}</span></button></td>
          </tr>`)}</tbody>
        </table>
      </fieldset>

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
