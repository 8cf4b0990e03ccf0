// An expert's absences: the ones still to come or under way, each removable, and a form that adds one from
// picked days (first and last day off, in the expert's zone). Used by the expert for themself and by
// coordinators for anyone.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { absenceOfDays, daysOfAbsence, isCurrentOrFuture } from '../absences.ts';
import type { Absence, Me } from '../api/types.ts';
import { draftKey, useDraft } from '../drafts.ts';
import { formatDay } from '../format.ts';
import { ErrorNotice, Field } from './ui.ts';

/** "Monday 4 January – Friday 8 January (skiing)" */
export function describeAbsence(absence: Absence, timeZone: string): string {
  const { first, last } = daysOfAbsence(absence, timeZone);
  return `${formatDay(first)}${last !== first ? ` – ${formatDay(last)}` : ''}${absence.note ? ` (${absence.note})` : ''}`;
}

export function AbsenceList({ absences, timeZone, onRemove, label }: { absences: Absence[]; timeZone: string; onRemove(absence: Absence): void; label: string }): VNode {
  const shown = absences.filter((absence) => isCurrentOrFuture(absence));
  if (!shown.length) return html`<p class="muted">No absences planned.</p>`;
  return html`<ul class="absence-list" aria-label=${label}>${shown.map((absence) => html`<li>
    <span>${describeAbsence(absence, timeZone)}</span>
    <button type="button" class="button secondary small" onClick=${() => onRemove(absence)}>Remove<span class="visually-hidden"> absence ${describeAbsence(absence, timeZone)}</span></button>
  </li>`)}</ul>`;
}

interface Picked { first: string; last: string; note: string }
const EMPTY: Picked = { first: '', last: '', note: '' };

/** Picks days off and hands the absence over; what is typed is a draft until added. */
export function AbsenceForm({ user, place, timeZone, onAdd, submitLabel = 'Add absence', disabled = false }: {
  user: Me; place: string; timeZone: string; onAdd(absence: Absence): Promise<unknown>; submitLabel?: string; disabled?: boolean;
}): VNode {
  const [picked, setPicked, clear] = useDraft<Picked>(draftKey(user.id, `absence.${place}`), EMPTY, (value) => Boolean(value.first || value.last || value.note));
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!picked.first) return setError(new Error('Choose the first day of the absence.'));
    const last = picked.last || picked.first;
    if (last < picked.first) return setError(new Error('The last day comes before the first day.'));
    setBusy(true);
    try {
      await onAdd(absenceOfDays(picked.first, last, timeZone, picked.note));
      clear();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="stack absence-form" onSubmit=${submit} aria-label=${submitLabel} novalidate>
    <p class="hint">Days in ${timeZone}: the absence runs from the first day's start to the end of the last day.</p>
    <${ErrorNotice} error=${error} />
    <div class="grid-3">
      <${Field} id=${`${place}-first`} label="First day off">${(describedBy: string | undefined) => html`
        <input id=${`${place}-first`} type="date" required value=${picked.first} onInput=${(event: Event) => setPicked({ ...picked, first: valueOf(event) })} aria-describedby=${describedBy} />`}<//>
      <${Field} id=${`${place}-last`} label="Last day off">${(describedBy: string | undefined) => html`
        <input id=${`${place}-last`} type="date" min=${picked.first || undefined} value=${picked.last} onInput=${(event: Event) => setPicked({ ...picked, last: valueOf(event) })} aria-describedby=${describedBy} />`}<//>
      <${Field} id=${`${place}-note`} label="Note (optional)">${(describedBy: string | undefined) => html`
        <input id=${`${place}-note`} type="text" maxlength="200" value=${picked.note} onInput=${(event: Event) => setPicked({ ...picked, note: valueOf(event) })} aria-describedby=${describedBy} />`}<//>
    </div>
    <p><button type="submit" disabled=${busy || disabled}>${busy ? 'Saving…' : submitLabel}</button></p>
  </form>`;
}
