// Coordinators: the support centre's calendar (time zone, weekly hours, public holidays). Business-hours SLA
// clocks count on it, and experts without support hours of their own are on duty during it.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { ServiceHours } from '../api/types.ts';
import { ServiceNav, SettingsFrame } from '../components/settings.ts';
import { PageTitle } from '../components/ui.ts';
import { RowError, TimeZoneField, WeeklyEditor, type Window } from '../components/weeklyHours.ts';
import { formatDay } from '../format.ts';
import type { PageProps } from '../router.ts';
import { useSettingsForm } from '../settingsForm.ts';

function Holidays({ holidays, onChange, error }: { holidays: string[]; onChange(holidays: string[]): void; error: unknown }): VNode {
  const [day, setDay] = useState('');
  const add = () => {
    if (!day || holidays.includes(day)) return;
    onChange([...holidays, day].sort());
    setDay('');
  };
  return html`<fieldset class="holidays">
    <legend>Public holidays</legend>
    <p class="hint" id="holidays-hint">Days the centre is closed, as dates in its time zone: business-hours clocks do not count them.</p>
    <div class="window">
      <label for="holiday-new">Add a holiday</label>
      <input id="holiday-new" type="date" value=${day} onInput=${(event: Event) => setDay((event.currentTarget as HTMLInputElement).value)}
        onKeyDown=${(event: KeyboardEvent) => { if (event.key === 'Enter') { event.preventDefault(); add(); } }} aria-describedby="holidays-hint" />
      <button type="button" class="button secondary small" onClick=${add} disabled=${!day}>Add holiday</button>
    </div>
    <${RowError} error=${error} prefix="holidays" id="holidays-error" />
    ${holidays.length ? html`<ul class="chip-list" aria-label="Holidays">${holidays.map((holiday) => html`<li class="chip">
      <time datetime=${holiday}>${formatDay(holiday)} ${holiday.slice(0, 4)}</time>
      <button type="button" class="button secondary small" onClick=${() => onChange(holidays.filter((item) => item !== holiday))}>Remove<span class="visually-hidden"> ${holiday}</span></button>
    </li>`)}</ul>` : html`<p class="muted">No holidays.</p>`}
  </fieldset>`;
}

export default function ServiceHoursPage({ user }: PageProps): VNode {
  const form = useSettingsForm<ServiceHours>('/settings/service-hours', user);
  return html`
    <${PageTitle}>Service hours<//>
    <${ServiceNav} path="/app/service/hours" />
    <p class="lead">When the support centre works. Business-hours SLA targets count only these hours; round-the-clock targets count every hour.</p>
    <${SettingsFrame} form=${form} label="Service hours" what="the service hours" placed=${['timeZone', 'weekly.', 'holidays', 'holidays.']} submitLabel="Save service hours" savedText="The service hours are saved.">
      ${(value: ServiceHours) => html`
        <${TimeZoneField} value=${value.timeZone} onChange=${(timeZone: string) => form.edit({ ...value, timeZone })} error=${form.error} hint="Weekly hours and holidays are read in this zone." />
        <${WeeklyEditor} weekly=${value.weekly} onChange=${(weekly: Window[]) => form.edit({ ...value, weekly })} error=${form.error} legend="Opening hours" emptyLabel="Closed" />
        <${Holidays} holidays=${value.holidays} onChange=${(holidays: string[]) => form.edit({ ...value, holidays })} error=${form.error} />`}
    <//>`;
}
