// Free slots of an expert, shown in the viewer's time zone and grouped by the viewer's day; the
// expert's own zone is named so both sides know what "10:00" means.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { api } from '../api/client.ts';
import type { SlotList } from '../api/types.ts';
import { formatDay, formatTime, groupByDay, viewerZone } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { ErrorNotice, Loading } from './ui.ts';

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
  const slots = useLoad(() => api.get<SlotList>(`/experts/${encodeURIComponent(expertId)}/slots`), [expertId, version]);
  if (slots.loading && !slots.data) return html`<${Loading} what="Loading free times" />`;
  if (!slots.data) return html`<${ErrorNotice} error=${slots.error} />`;
  const days = groupByDay(slots.data.slots, zone);
  const sameZone = slots.data.timeZone === zone;
  return html`<div class="slot-picker">
    <p class="zone-note">Times are shown in your time zone, <strong>${zone}</strong>.
      ${sameZone ? `${expertName} works in the same zone.` : html`${expertName} works in <strong>${slots.data.timeZone}</strong>.`}
      ${slots.data.slotMinutes ? ` Sessions last ${slots.data.slotMinutes} minutes.` : ''}</p>
    ${days.length === 0 ? html`<p class="empty">No free times in the next two weeks.</p>` : ''}
    <div class="slot-days">${days.map(({ day, slots: daySlots }) => html`
      <fieldset class="slot-day">
        <legend>${formatDay(day)}</legend>
        <div class="slot-grid">${daySlots.map((slot) => html`
          <label class=${`slot${selected === slot.start ? ' selected' : ''}`}>
            <input type="radio" name=${`slot-${expertId}`} value=${slot.start} checked=${selected === slot.start} onChange=${() => onSelect(slot.start)} />
            <span>${formatTime(slot.start, zone)}</span>
            ${sameZone ? '' : html`<span class="slot-other-zone">${formatTime(slot.start, slots.data!.timeZone)} ${expertName.split(' ')[0]}'s time</span>`}
          </label>`)}
        </div>
      </fieldset>`)}
    </div>
  </div>`;
}
