// The frame of a settings form: what is loading, what is unsaved (with a way to drop it), what was saved,
// the API's errors that no field shows, and the save button.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { ApiError } from '../api/client.ts';
import type { SettingsForm } from '../settingsForm.ts';
import { ErrorNotice, Loading, Notice } from './ui.ts';
import { t } from '../i18n.ts';

/** The service area's own navigation (figures, hours, SLA, routing, experts). */
export function ServiceNav({ path }: { path: string }): VNode {
  const links: Array<[string, string]> = [
    ['/app/service', 'Figures'], ['/app/service/hours', 'Service hours'], ['/app/service/sla', 'SLA targets'],
    ['/app/service/routing', 'Routing'], ['/app/service/experts', 'Experts'],
  ];
  return html`<nav class="tabs service-nav" aria-label="Service"><ul>${links.map(([href, label]) => html`<li><a href=${href} aria-current=${href === path ? 'page' : undefined}>${label}</a></li>`)}</ul></nav>`;
}

/** Fields that show their own messages: a name or a name prefix followed by a dot ("weekly.", "holidays."). */
export function placedFields(error: unknown, placed: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((item) => item.field).filter((field) => placed.some((name) => (name.endsWith('.') ? field.startsWith(name) : field === name)));
}

export function SettingsFrame<T>({ form, label, placed, submitLabel, savedText, children, what }: {
  form: SettingsForm<T>; label: string; placed: readonly string[]; submitLabel: string; savedText: string; what: string; children: (value: T) => ComponentChildren;
}): VNode {
  if (form.loadError) return html`<${ErrorNotice} error=${form.loadError} />`;
  if (!form.value) return html`<${Loading} what=${`Loading ${what}`} />`;
  return html`<form class="stack settings-form" onSubmit=${form.save} aria-label=${label} novalidate>
    <div aria-live="polite">
      ${form.saved ? html`<${Notice} kind="success">${savedText}<//>` : ''}
      ${form.dirty ? html`<${Notice} kind="warning">${t('You have changes that are not saved yet. They are kept in this browser until you save them.')}
        <button type="button" class="button secondary small" onClick=${form.discard}>${t('Discard changes')}</button><//>` : ''}
    </div>
    <${ErrorNotice} error=${form.error} fields=${placedFields(form.error, placed)} />
    ${children(form.value)}
    <p><button type="submit" disabled=${form.busy}>${form.busy ? t('Saving…') : t(submitLabel)}</button></p>
  </form>`;
}
