// Small building blocks shared by the pages: title, fields with their API errors, notices, badges.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { ApiError } from '../api/client.ts';
import type { TicketSummary } from '../api/types.ts';
import { formatDateTimeZoned, formatDue, humanize } from '../format.ts';
import { t } from '../i18n.ts';

/** The page's heading, in the person's language where it is translated; the router moves focus here after a navigation. */
export function PageTitle({ children }: { children: ComponentChildren }): VNode {
  return html`<h1 tabindex="-1" data-page-title>${typeof children === 'string' ? t(children) : children}</h1>`;
}

/** An error as people read it; field errors of a 400 are shown by their fields instead. */
export function ErrorNotice({ error, fields = [] }: { error: unknown; fields?: readonly string[] }): VNode | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    const unplaced = (error.problem.errors ?? []).filter((fieldError) => !fields.includes(fieldError.field));
    const summary = validationSummary(error.problem);
    return html`<div class="notice error" role="alert">
      ${summary ?? html`<strong>${error.problem.title}</strong>${error.problem.detail ? html`: ${error.problem.detail}` : ''}`}
      ${unplaced.length ? html`<ul>${unplaced.map((fieldError) => html`<li>${fieldError.field}: ${fieldError.message}</li>`)}</ul>` : ''}
    </div>`;
  }
  return html`<div class="notice error" role="alert">${(error as Error).message ?? String(error)}</div>`;
}

/**
 * A form's 400 in a person's words, counting the fields it names ("Please correct the 2 fields marked below.")
 * instead of the API's "Invalid request: The request has invalid fields."; undefined for any other problem.
 */
export function validationSummary(problem: ApiError['problem']): string | undefined {
  if (problem.code !== 'validation' || !problem.errors?.length) return undefined;
  const count = new Set(problem.errors.map((fieldError) => fieldError.field)).size;
  return count === 1 ? t('Please correct the field marked below.') : t('Please correct the {count} fields marked below.', { count: String(count) });
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ComponentChildren }): VNode {
  return html`<div class=${`notice ${kind}`} role="status">${children}</div>`;
}

export function Loading({ what = 'Loading' }: { what?: string }): VNode {
  return html`<p class="loading" role="status">${t(what)}…</p>`;
}

/** The API's messages for a field and, for a list, its items ("skills", "skills.2"). */
export function fieldMessages(error: unknown, field: string): string[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).filter((item) => item.field === field || item.field.startsWith(`${field}.`)).map((item) => item.message);
}

/** The API's messages for a field, for controls that are not a single labelled input (switches, checkbox lists). */
export function FieldMessage({ error, field, id }: { error: unknown; field: string; id: string }): VNode | null {
  const messages = fieldMessages(error, field);
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join(' ')}</p>` : null;
}

interface FieldProps {
  id: string;
  label: string;
  error?: unknown;
  /** the API's field name, when it differs from the id */
  field?: string;
  /** also show the messages about the items of a list field ("skills.2") */
  withItems?: boolean;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => VNode;
}

/** A labelled control with its hint and the API's message for it, wired with aria-describedby. */
export function Field({ id, label, error, field = id, withItems = false, hint, children }: FieldProps): VNode {
  const message = withItems ? fieldMessages(error, field).join(' ') || undefined : error instanceof ApiError ? error.fieldMessage(field) : undefined;
  const ids = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return html`<div class=${`field${message ? ' invalid' : ''}`}>
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : ''}
    ${children(ids, Boolean(message))}
    ${message ? html`<p class="field-error" id=${`${id}-error`}>${message}</p>` : ''}
  </div>`;
}

export function StatusBadge({ status }: { status: string }): VNode {
  return html`<span class=${`badge status-${status}`}>${t(humanize(status))}</span>`;
}

/** Where the ticket stands against its SLA: breached, paused, or due when. */
export function SlaBadge({ ticket }: { ticket: Pick<TicketSummary, 'sla' | 'status' | 'firstResponseAt'> }): VNode {
  const { sla } = ticket;
  if (ticket.status === 'closed' || ticket.status === 'resolved') {
    return html`<span class=${`badge ${sla.breached ? 'sla-breached' : 'sla-ok'}`}>${t(sla.breached ? 'SLA missed' : 'SLA met')}</span>`;
  }
  if (sla.breached) return html`<span class="badge sla-breached">${t('SLA breached')}</span>`;
  if (sla.paused) return html`<span class="badge sla-paused">${t('SLA paused')}</span>`;
  const due = ticket.firstResponseAt ? sla.resolutionDue : sla.firstResponseDue;
  const what = ticket.firstResponseAt ? 'Resolution due {when}' : 'First response due {when}';
  return html`<span class="badge sla-ok" title=${t(what, { when: formatDateTimeZoned(due) })}>${t(what, { when: formatDue(due) })}</span>`;
}

/** The due time the expert queue sorts by: first response until there is one, then resolution. */
export function slaDueOf(ticket: Pick<TicketSummary, 'sla' | 'firstResponseAt'>): string {
  return ticket.firstResponseAt ? ticket.sla.resolutionDue : ticket.sla.firstResponseDue;
}
