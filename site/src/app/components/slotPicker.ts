// Free slots of an expert, shown in the viewer's time zone and grouped by the viewer's day, one week at a
// time up to the expert's horizon (previous / next week, or a date to jump to); the expert's own zone is
// named so both sides know what "10:00" means.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { SlotList } from '../api/types.ts';
import { addDays, dayKey, daysOfWeek, formatDay, formatTime, groupByDay, viewerZone } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { ErrorNotice, Loading } from './ui.ts';
import { t, tParts } from '../i18n.ts';

/** The widest listing the API gives in one request; the expert's horizon (often 60 days) caps it further. */
const LOOK_AHEAD_DAYS = 92;

interface SlotPickerProps {
  expertId: string;
  expertName: string;
  selected: string | undefined;
  onSelect(start: string): void;
  /** a number that changes when the slots must be fetched again (e.g. after a 409) */
  version?: number;
}

export function SlotPicker({ expertId, expertName, selected, onSelect, version = 0 }: SlotPickerProps): VNode {
  const zone = viewerZone();
  const today = dayKey(new Date().toISOString(), zone);
  const [weekStart, setWeekStart] = useState(today);
  // One request for everything bookable: the answer's `to` is where the expert's horizon ends.
  const slots = useLoad(() => {
    const from = new Date();
    return api.get<SlotList>(`/experts/${encodeURIComponent(expertId)}/slots`, { from: from.toISOString(), to: new Date(from.getTime() + LOOK_AHEAD_DAYS * 86_400_000).toISOString() });
  }, [expertId, version]);
  if (slots.loading && !slots.data) return html`<${Loading} what="Loading free times" />`;
  if (!slots.data) return html`<${ErrorNotice} error=${slots.error} />`;
  const lastDay = dayKey(slots.data.to, zone);
  const days = groupByDay(slots.data.slots, zone);
  const shown = daysOfWeek(days, weekStart);
  const weekEnd = addDays(weekStart, 6);
  const nextFree = days.find(({ day }) => day > weekEnd);
  const sameZone = slots.data.timeZone === zone;
  const jump = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setWeekStart(value < today ? today : value > lastDay ? lastDay : value);
  };
  return html`<div class="slot-picker">
    <p class="zone-note">${tParts('Times are shown in your time zone, {zone}.', { zone: html`<strong>${zone}</strong>` })}${' '}
      ${sameZone ? t('{name} works in the same zone.', { name: expertName }) : tParts('{name} works in {zone}.', { zone: html`<strong>${slots.data.timeZone}</strong>` }, { name: expertName })}
      ${slots.data.slotMinutes ? ` ${t('Sessions last {minutes} minutes.', { minutes: String(slots.data.slotMinutes) })}` : ''}
      ${' '}${t('{name} can be booked up to {day}.', { name: expertName, day: formatDay(lastDay) })}</p>
    <div class="week-nav" role="group" aria-label=${t('Choose the week')}>
      <button type="button" class="button secondary small" disabled=${weekStart <= today} onClick=${() => setWeekStart(addDays(weekStart, -7) < today ? today : addDays(weekStart, -7))}>← ${t('Previous week')}</button>
      <p class="week-label" aria-live="polite"><strong>${formatDay(weekStart)} – ${formatDay(weekEnd)}</strong></p>
      <button type="button" class="button secondary small" disabled=${addDays(weekStart, 7) > lastDay} onClick=${() => setWeekStart(addDays(weekStart, 7))}>${t('Next week')} →</button>
      <span class="field inline week-jump"><label for=${`jump-${expertId}`}>${t('Go to a date')}</label>
        <input id=${`jump-${expertId}`} type="date" min=${today} max=${lastDay} value=${weekStart} onChange=${jump} /></span>
    </div>
    ${shown.length === 0 ? html`<p class="empty">${t('No free times in this week.')}${nextFree ? html`${' '}<button type="button" class="button secondary small" onClick=${() => setWeekStart(nextFree.day)}>${t('Go to the next free day, {day}', { day: formatDay(nextFree.day) })}</button>` : ''}</p>` : ''}
    <div class="slot-days">${shown.map(({ day, slots: daySlots }) => html`
      <fieldset class="slot-day">
        <legend>${formatDay(day)}</legend>
        <div class="slot-grid">${daySlots.map((slot) => html`
          <label class=${`slot${selected === slot.start ? ' selected' : ''}`}>
            <input type="radio" name=${`slot-${expertId}`} value=${slot.start} checked=${selected === slot.start} onChange=${() => onSelect(slot.start)} />
            <span>${formatTime(slot.start, zone)}</span>
            ${sameZone ? '' : html`<span class="slot-other-zone">${t('{time} {name}\'s time', { time: formatTime(slot.start, slots.data!.timeZone), name: expertName.split(' ')[0]! })}</span>`}
          </label>`)}
        </div>
      </fieldset>`)}
    </div>
  </div>`;
}
