// Coordinators: each priority's first-response and resolution targets, in business hours (the service
// calendar) or round the clock.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { SlaClock, SlaSettings, SlaTarget } from '../api/types.ts';
import { ServiceNav, SettingsFrame } from '../components/settings.ts';
import { fieldMessages, PageTitle } from '../components/ui.ts';
import { humanize } from '../format.ts';
import type { PageProps } from '../router.ts';
import { useSettingsForm } from '../settingsForm.ts';
import { PRIORITIES } from '../vocabulary.ts';

type Priority = keyof SlaSettings;
type Kind = 'firstResponse' | 'resolution';
const KIND_LABELS: Record<Kind, string> = { firstResponse: 'First response', resolution: 'Resolution' };

function TargetFields({ priority, kind, target, onChange, error }: { priority: Priority; kind: Kind; target: SlaTarget; onChange(target: SlaTarget): void; error: unknown }): VNode {
  const id = `${priority}-${kind}`;
  const messages = fieldMessages(error, `${priority}.${kind}`);
  return html`<fieldset class="sla-target">
    <legend>${KIND_LABELS[kind]}</legend>
    <div class="window">
      <label for=${`${id}-hours`}>Hours</label>
      <input id=${`${id}-hours`} type="number" min="0.25" max="1000" step="0.25" inputmode="decimal" value=${target.hours}
        onInput=${(event: Event) => onChange({ ...target, hours: Number((event.currentTarget as HTMLInputElement).value) })}
        aria-invalid=${messages.length ? 'true' : undefined} aria-describedby=${messages.length ? `${id}-error` : undefined} />
      <label for=${`${id}-clock`}>counted</label>
      <select id=${`${id}-clock`} value=${target.clock} onChange=${(event: Event) => onChange({ ...target, clock: (event.currentTarget as HTMLSelectElement).value as SlaClock })}>
        <option value="business">in business hours</option><option value="always">round the clock</option>
      </select>
    </div>
    ${messages.length ? html`<p class="field-error" id=${`${id}-error`}>${messages.join(' ')}</p>` : ''}
  </fieldset>`;
}

export default function SlaPage({ user }: PageProps): VNode {
  const form = useSettingsForm<SlaSettings>('/settings/sla', user);
  return html`
    <${PageTitle}>SLA targets<//>
    <${ServiceNav} path="/app/service/sla" />
    <p class="lead">How soon each priority gets a first answer and a resolution. Clocks pause while a ticket waits on the requester.</p>
    <${SettingsFrame} form=${form} label="SLA targets" what="the SLA targets" placed=${PRIORITIES.map((priority) => `${priority}.`)} submitLabel="Save SLA targets" savedText="The SLA targets are saved.">
      ${(value: SlaSettings) => html`<div class="grid-2">${PRIORITIES.map((priority) => html`<section class="panel" aria-labelledby=${`${priority}-title`}>
        <h2 id=${`${priority}-title`} class="h3">${humanize(priority)}</h2>
        ${(['firstResponse', 'resolution'] as const).map((kind) => html`<${TargetFields} priority=${priority} kind=${kind} target=${value[priority][kind]} error=${form.error}
          onChange=${(target: SlaTarget) => form.edit({ ...value, [priority]: { ...value[priority], [kind]: target } })} />`)}
      </section>`)}</div>`}
    <//>`;
}
