// Coordinators: automatic assignment on or off, and per ticket category either "anyone with the expertise"
// or an ordered list of experts (the first available one on the list gets the ticket; the rest are backups).
// Lists are reordered with Move up / Move down buttons, so the keyboard does all of it.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Expert, RoutingSettings } from '../api/types.ts';
import { ServiceNav, SettingsFrame } from '../components/settings.ts';
import { fieldMessages, PageTitle } from '../components/ui.ts';
import { useLoad } from '../hooks.ts';
import { moveItem } from '../reorder.ts';
import type { PageProps } from '../router.ts';
import { useSettingsForm } from '../settingsForm.ts';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from '../vocabulary.ts';

type Category = (typeof TICKET_CATEGORIES)[number];

function CategoryRouting({ category, list, experts, onChange, error }: { category: Category; list: string[] | 'anyone'; experts: Expert[]; onChange(list: string[] | 'anyone'): void; error: unknown }): VNode {
  const names = new Map(experts.map((expert) => [expert.id, expert.name]));
  const ordered = list === 'anyone' ? [] : list;
  const addSelect = useRef<HTMLSelectElement>(null);
  const messages = fieldMessages(error, `categories.${category}`);
  const id = `cat-${category}`;
  // After a move, focus follows the moved expert's same button, so repeated presses keep moving it. It is placed
  // once the list has rendered the move (a layout effect), not on the next animation frame: a frame can come
  // before the form's state reaches this list, and a background tab may hold frames back altogether.
  const focusAfterMove = useRef<{ expertId: string; index: number; same: string; other: string } | null>(null);
  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target || ordered[target.index] !== target.expertId) return;
    focusAfterMove.current = null;
    // At the top (or bottom) that button is disabled: the other one keeps the focus on the same expert.
    const button = document.getElementById(`${id}-${target.index}-${target.same}`) as HTMLButtonElement | null;
    (button && !button.disabled ? button : document.getElementById(`${id}-${target.index}-${target.other}`))?.focus();
  });
  const move = (index: number, by: -1 | 1) => {
    const [same, other] = by < 0 ? ['up', 'down'] : ['down', 'up'];
    focusAfterMove.current = { expertId: ordered[index]!, index: index + by, same: same!, other: other! };
    onChange(moveItem(ordered, index, by));
  };
  return html`<fieldset class="panel routing-category" aria-describedby=${messages.length ? `${id}-error` : undefined}>
    <legend>${TICKET_CATEGORY_LABELS[category]}</legend>
    <div class="choice">
      <label><input type="radio" name=${`${id}-mode`} checked=${list === 'anyone'} onChange=${() => onChange('anyone')} /> Anyone with the expertise (the best fit, then the least loaded)</label>
      <label><input type="radio" name=${`${id}-mode`} checked=${list !== 'anyone'} onChange=${() => onChange(ordered)} /> These experts, in this order</label>
    </div>
    ${list === 'anyone' ? '' : html`
      ${ordered.length ? html`<ol class="ordered-experts" aria-label=${`Experts for ${TICKET_CATEGORY_LABELS[category]}, in order`}>${ordered.map((expertId, index) => html`<li>
        <span class="ordered-name">${names.get(expertId) ?? expertId}</span>
        <span class="ordered-actions">
          <button type="button" id=${`${id}-${index}-up`} class="button secondary small" disabled=${index === 0} onClick=${() => move(index, -1)}>Move up<span class="visually-hidden"> ${names.get(expertId)}</span></button>
          <button type="button" id=${`${id}-${index}-down`} class="button secondary small" disabled=${index === ordered.length - 1} onClick=${() => move(index, 1)}>Move down<span class="visually-hidden"> ${names.get(expertId)}</span></button>
          <button type="button" class="button secondary small" onClick=${() => onChange(ordered.filter((_, i) => i !== index))}>Remove<span class="visually-hidden"> ${names.get(expertId)}</span></button>
        </span>
      </li>`)}</ol>` : html`<p class="muted">Nobody on the list yet: add experts below.</p>`}
      <div class="window">
        <label for=${`${id}-add`}>Add an expert</label>
        <select id=${`${id}-add`} ref=${addSelect}>
          ${experts.filter((expert) => !ordered.includes(expert.id)).map((expert) => html`<option value=${expert.id}>${expert.name}</option>`)}
        </select>
        <button type="button" class="button secondary small" onClick=${() => { const value = addSelect.current?.value; if (value) onChange([...ordered, value]); }}>Add<span class="visually-hidden"> to ${TICKET_CATEGORY_LABELS[category]}</span></button>
      </div>`}
    ${messages.length ? html`<p class="field-error" id=${`${id}-error`}>${messages.join(' ')}</p>` : ''}
  </fieldset>`;
}

export default function RoutingPage({ user }: PageProps): VNode {
  const form = useSettingsForm<RoutingSettings>('/settings/routing', user);
  const experts = useLoad(async () => (await api.get<{ items: Expert[] }>('/experts')).items, []);
  const autoMessages = fieldMessages(form.error, 'autoAssign');
  return html`
    <${PageTitle}>Routing<//>
    <${ServiceNav} path="/app/service/routing" />
    <p class="lead">Who gets a new ticket. Nobody away is chosen; when nobody fits, the ticket stays unassigned and coordinators are told.</p>
    <${SettingsFrame} form=${form} label="Routing" what="the routing" placed=${['autoAssign', 'categories.']} submitLabel="Save routing" savedText="The routing is saved.">
      ${(value: RoutingSettings) => html`
        <div class="field">
          <label class="switch"><input type="checkbox" role="switch" id="autoAssign" checked=${value.autoAssign}
            onChange=${(event: Event) => form.edit({ ...value, autoAssign: (event.currentTarget as HTMLInputElement).checked })}
            aria-describedby="autoAssign-hint" aria-invalid=${autoMessages.length ? 'true' : undefined} /> Assign new tickets automatically</label>
          <p class="hint" id="autoAssign-hint">When off, new tickets wait in the queue for a coordinator or an expert to take them.</p>
          ${autoMessages.length ? html`<p class="field-error">${autoMessages.join(' ')}</p>` : ''}
        </div>
        <h2>Per category</h2>
        ${TICKET_CATEGORIES.map((category) => html`<${CategoryRouting} category=${category} list=${value.categories[category] ?? 'anyone'} experts=${experts.data ?? []} error=${form.error}
          onChange=${(list: string[] | 'anyone') => form.edit({ ...value, categories: { ...value.categories, [category]: list } })} />`)}`}
    <//>`;
}
