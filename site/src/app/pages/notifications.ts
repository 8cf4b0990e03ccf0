// E-mail preferences (every signed-in user; the e-mails' footer links here): a switch per kind of e-mail that
// reaches the caller's role, the mandatory ones shown on and locked; staff also choose the ticket categories
// whose new tickets they hear about. The API's messages are shown at the switch or list they name.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { NotificationKind } from '../../../../functions/notify/domain/kinds.ts';
import { api } from '../api/client.ts';
import type { Preferences, PreferencesChange } from '../api/types.ts';
import { ErrorNotice, FieldMessage, fieldMessages, Loading, Notice, PageTitle } from '../components/ui.ts';
import type { PageProps } from '../router.ts';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from '../vocabulary.ts';

const KIND_TEXT: Record<NotificationKind, { label: string; hint: string }> = {
  ticketReply: { label: 'Replies to tickets', hint: 'Someone answered a ticket you take part in.' },
  ticketResolved: { label: 'Resolved tickets', hint: 'Your ticket was marked resolved.' },
  newTicket: { label: 'New tickets', hint: 'A ticket was opened in one of the categories you follow.' },
  bookingChange: { label: 'Mentoring bookings', hint: 'A session was booked, moved or cancelled; carries the calendar invitation.' },
  sessionReminder: { label: 'Session reminders', hint: 'Shortly before a mentoring session.' },
  slaWarning: { label: 'SLA warnings', hint: 'A ticket is close to its response or resolution target.' },
  slaBreach: { label: 'SLA breaches', hint: 'A ticket missed its target.' },
  ticketAcknowledgement: { label: 'Ticket received', hint: 'Your new ticket arrived: its reference, who looks after it and when to expect a first answer.' },
  ticketAssigned: { label: 'Tickets assigned to you', hint: 'A ticket was assigned to you, or moved from you to someone else.' },
  unassignedTicket: { label: 'Unassigned tickets', hint: 'Nobody could be assigned a new ticket: everyone who fits is away, or auto-assignment is off.' },
  ticketAtRisk: { label: 'Tickets at risk', hint: 'A ticket falls due while its assignee is away; it can be reassigned in one action.' },
};

type Draft = Pick<Preferences, 'kinds' | 'categories'>;

function KindSwitch({ kind, on, mandatory, error, set }: { kind: NotificationKind; on: boolean; mandatory: boolean; error: unknown; set(on: boolean): void }): VNode {
  const text = KIND_TEXT[kind];
  const invalid = fieldMessages(error, `kinds.${kind}`).length > 0;
  const describedBy = [`kind-${kind}-hint`, invalid ? `kind-${kind}-error` : ''].filter(Boolean).join(' ');
  return html`<li class=${`switch-row${invalid ? ' invalid' : ''}`}>
    <input id=${`kind-${kind}`} type="checkbox" role="switch" checked=${on} disabled=${mandatory}
      onChange=${(event: Event) => set((event.currentTarget as HTMLInputElement).checked)} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />
    <label for=${`kind-${kind}`}>${text.label}${mandatory ? html` <span class="badge">Always sent</span>` : ''}</label>
    <p class="hint" id=${`kind-${kind}-hint`}>${text.hint}${mandatory ? ' This e-mail cannot be turned off.' : ''}</p>
    <${FieldMessage} error=${error} field=${`kinds.${kind}`} id=${`kind-${kind}-error`} />
  </li>`;
}

export default function NotificationsPage({ user }: PageProps): VNode {
  const [stored, setStored] = useState<Preferences | undefined>(undefined);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const show = (preferences: Preferences) => {
    setStored(preferences);
    setDraft({ kinds: preferences.kinds, categories: preferences.categories });
  };
  useEffect(() => { api.get<Preferences>('/me/notifications').then(show, setLoadError); }, []);
  if (loadError) return html`<${PageTitle}>Notifications<//><${ErrorNotice} error=${loadError} />`;
  if (!stored || !draft) return html`<${PageTitle}>Notifications<//><${Loading} what="Loading your preferences" />`;

  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const staff = user.role !== 'requester';
  const kinds = Object.keys(draft.kinds) as NotificationKind[];
  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const change: PreferencesChange = { kinds: draft.kinds, ...(staff ? { categories: draft.categories } : {}) };
      show(await api.put<Preferences>('/me/notifications', change));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  const placed = kinds.map((kind) => `kinds.${kind}`).concat(staff ? ['categories', ...TICKET_CATEGORIES.map((_, i) => `categories.${i}`)] : []);
  const follows = (category: (typeof TICKET_CATEGORIES)[number]) => draft.categories.includes(category);
  const toggleCategory = (category: (typeof TICKET_CATEGORIES)[number], on: boolean) =>
    update({ categories: on ? [...draft.categories, category] : draft.categories.filter((item) => item !== category) });
  return html`
    <${PageTitle}>Notifications<//>
    <p class="lead">Choose which e-mails you get from the Support Centre at ${user.email}.</p>
    <form class="stack preferences" onSubmit=${save} novalidate>
      <div aria-live="polite">${saved ? html`<${Notice} kind="success">Your preferences are saved.<//>` : ''}</div>
      <${ErrorNotice} error=${error} fields=${placed} />
      <fieldset>
        <legend>E-mails</legend>
        <ul class="switches">${kinds.map((kind) => html`<${KindSwitch} kind=${kind} on=${draft.kinds[kind] ?? false} mandatory=${stored.mandatory.includes(kind)} error=${error}
          set=${(on: boolean) => update({ kinds: { ...draft.kinds, [kind]: on } })} />`)}</ul>
      </fieldset>
      ${staff ? html`<fieldset aria-describedby=${fieldMessages(error, 'categories').length ? 'categories-hint categories-error' : 'categories-hint'}>
        <legend>Ticket categories you follow</legend>
        <p class="hint" id="categories-hint">You hear about new tickets in these categories (while “New tickets” is on).</p>
        <ul class="checks">${TICKET_CATEGORIES.map((category) => html`<li>
          <input id=${`cat-${category}`} type="checkbox" checked=${follows(category)} onChange=${(event: Event) => toggleCategory(category, (event.currentTarget as HTMLInputElement).checked)} />
          <label for=${`cat-${category}`}>${TICKET_CATEGORY_LABELS[category]}</label>
        </li>`)}</ul>
        <${FieldMessage} error=${error} field="categories" id="categories-error" />
      </fieldset>` : ''}
      <p><button type="submit">Save preferences</button></p>
    </form>`;
}
