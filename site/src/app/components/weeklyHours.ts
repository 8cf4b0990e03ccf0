// Weekly hours (wall-clock windows per weekday) and a time-zone picker, shared by the expert's mentoring
// availability, the expert's support hours and the support centre's service hours. The API's messages are
// shown on the row they name ("weekly.3.end").
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { fieldMessages, Field } from './ui.ts';
import { WEEKDAYS } from '../vocabulary.ts';

type Weekday = (typeof WEEKDAYS)[number];
export interface Window { day: Weekday; start: string; end: string }

export const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/** The API's messages for one row ("weekly.3" and its fields), under the row. */
export function RowError({ error, prefix, id }: { error: unknown; prefix: string; id: string }): VNode | null {
  const messages = fieldMessages(error, prefix);
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join(' ')}</p>` : null;
}

interface WeeklyEditorProps {
  weekly: Window[];
  onChange(weekly: Window[]): void;
  error: unknown;
  legend?: string;
  /** the API's field name of the list */
  field?: string;
  /** prefix of the inputs' ids, so two editors can share a page */
  idPrefix?: string;
  /** what a day without windows means ("Not available", "Closed") */
  emptyLabel?: string;
}

export function WeeklyEditor({ weekly, onChange, error, legend = 'Weekly hours', field = 'weekly', idPrefix = 'w', emptyLabel = 'Not available' }: WeeklyEditorProps): VNode {
  const setWindow = (index: number, patch: Partial<Window>) => onChange(weekly.map((window, i) => (i === index ? { ...window, ...patch } : window)));
  return html`<fieldset class="week">
    <legend>${legend}</legend>
    <table class="data week-grid">
      <thead><tr><th scope="col">Day</th><th scope="col">Hours</th><th scope="col"><span class="visually-hidden">Add</span></th></tr></thead>
      <tbody>${WEEKDAYS.map((day) => html`<tr>
        <th scope="row">${DAY_NAMES[day]}</th>
        <td>${weekly.map((window, index) => window.day !== day ? '' : html`<div class="window">
          <label class="visually-hidden" for=${`${idPrefix}${index}-start`}>${DAY_NAMES[day]} from</label>
          <input id=${`${idPrefix}${index}-start`} type="time" value=${window.start} onInput=${(event: Event) => setWindow(index, { start: valueOf(event) })} aria-describedby=${`${idPrefix}${index}-error`} />
          <span aria-hidden="true">–</span>
          <label class="visually-hidden" for=${`${idPrefix}${index}-end`}>${DAY_NAMES[day]} until</label>
          <input id=${`${idPrefix}${index}-end`} type="time" value=${window.end} onInput=${(event: Event) => setWindow(index, { end: valueOf(event) })} aria-describedby=${`${idPrefix}${index}-error`} />
          <button type="button" class="button secondary small" onClick=${() => onChange(weekly.filter((_, i) => i !== index))}>Remove<span class="visually-hidden"> ${DAY_NAMES[day]} ${window.start}–${window.end}</span></button>
          <${RowError} error=${error} prefix=${`${field}.${index}`} id=${`${idPrefix}${index}-error`} />
        </div>`)}
        ${weekly.some((window) => window.day === day) ? '' : html`<span class="muted">${emptyLabel}</span>`}</td>
        <td><button type="button" class="button secondary small" onClick=${() => onChange([...weekly, { day, start: '09:00', end: '12:00' }])}>Add hours<span class="visually-hidden"> on ${DAY_NAMES[day]}</span></button></td>
      </tr>`)}</tbody>
    </table>
  </fieldset>`;
}

/** A time-zone field: free text with the runtime's IANA zones offered. */
export function TimeZoneField({ id = 'timeZone', value, onChange, error, label = 'Time zone', hint }: { id?: string; value: string; onChange(zone: string): void; error: unknown; label?: string; hint?: string }): VNode {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return html`<${Field} id=${id} field="timeZone" label=${label} hint=${hint} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
    <input id=${id} type="text" list=${`${id}-zones`} autocomplete="off" value=${value} onInput=${(event: Event) => onChange(valueOf(event))} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />
    <datalist id=${`${id}-zones`}>${zones.map((zone) => html`<option value=${zone} />`)}</datalist>`}<//>`;
}
