// E-mail preferences (every signed-in user; the e-mails' footer links here): the person's language (mails and this
// app) and time zone (times in mails), then a switch per kind of e-mail that reaches the caller's role, the
// mandatory ones shown on and locked; staff also choose the ticket categories whose new tickets they hear about;
// last, withdrawing one's reply-by-e-mail addresses.
// The API's messages are shown at the field, switch or list they name.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { NotificationKind } from '../../../../functions/notify/domain/kinds.ts';
import { api } from '../api/client.ts';
import type { PersonalSettings, PersonalSettingsChange, Preferences, PreferencesChange } from '../api/types.ts';
import { ErrorNotice, Field, FieldMessage, fieldMessages, Loading, Notice, PageTitle } from '../components/ui.ts';
import { TimeZoneField } from '../components/weeklyHours.ts';
import { ReplyAddresses } from '../components/replyAddresses.ts';
import { LANGUAGES } from '../../../../functions/core/locale.ts';
import { LANGUAGE_NAMES, t, type Message } from '../i18n.ts';
import { updateCurrentUser } from '../state.ts';
import type { PageProps } from '../router.ts';
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from '../vocabulary.ts';

const KIND_TEXT: Record<NotificationKind, { label: Message; hint: Message }> = {
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
    <label for=${`kind-${kind}`}>${t(text.label)}${mandatory ? html` <span class="badge">${t('Always sent')}</span>` : ''}</label>
    <p class="hint" id=${`kind-${kind}-hint`}>${t(text.hint)}${mandatory ? ` ${t('This e-mail cannot be turned off.')}` : ''}</p>
    <${FieldMessage} error=${error} field=${`kinds.${kind}`} id=${`kind-${kind}-error`} />
  </li>`;
}

/** Language and zone: their own form, saved on its own; a new language changes this app's labels at once. */
function LanguageAndZone(): VNode {
  const [stored, setStored] = useState<PersonalSettings | undefined>(undefined);
  const [draft, setDraft] = useState<{ language: string; timeZone: string }>({ language: 'en', timeZone: '' });
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const show = (settings: PersonalSettings) => {
    setStored(settings);
    setDraft({ language: settings.language, timeZone: settings.timeZone ?? '' });
  };
  useEffect(() => { api.get<PersonalSettings>('/me/preferences').then(show, setLoadError); }, []);
  if (loadError) return html`<${ErrorNotice} error=${loadError} />`;
  if (!stored) return html`<${Loading} what="Loading your preferences" />`;
  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const change: PersonalSettingsChange = { language: draft.language as PersonalSettingsChange['language'], timeZone: draft.timeZone.trim() || null };
      const next = await api.put<PersonalSettings>('/me/preferences', change);
      show(next);
      setSaved(true);
      updateCurrentUser({ language: next.language, ...(next.timeZone ? { timeZone: next.timeZone } : {}) });
    } catch (caught) {
      setError(caught);
    }
  };
  const languageHint = stored.languageSource === 'organisation' && draft.language === stored.language
    ? `${t('The language of your e-mails and of this app.')} ${t('Your organisation\'s language, until you choose one.')}`
    : t('The language of your e-mails and of this app.');
  return html`<form class="stack preferences" onSubmit=${save} aria-labelledby="language-zone" novalidate>
    <h2 id="language-zone">${t('Language and time zone')}</h2>
    <div aria-live="polite">${saved ? html`<${Notice} kind="success">${t('Your language and time zone are saved.')}<//>` : ''}</div>
    <${ErrorNotice} error=${error} fields=${['language', 'timeZone']} />
    <${Field} id="language" label=${t('Language')} hint=${languageHint} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
      <select id="language" value=${draft.language} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}
        onChange=${(event: Event) => { setSaved(false); setDraft({ ...draft, language: (event.currentTarget as HTMLSelectElement).value }); }}>
        ${LANGUAGES.map((language) => html`<option value=${language} lang=${language}>${LANGUAGE_NAMES[language]}</option>`)}
      </select>`}<//>
    <${TimeZoneField} id="personal-zone" value=${draft.timeZone} error=${error} label=${t('Time zone')}
      hint=${t('Times in your e-mails and in this app are shown in this zone, named (for example Europe/Madrid).')}
      onChange=${(timeZone: string) => { setSaved(false); setDraft({ ...draft, timeZone }); }} />
    <p><button type="submit">${t('Save language and time zone')}</button></p>
  </form>`;
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
  if (!stored || !draft) return html`<${PageTitle}>Notifications<//><${LanguageAndZone} /><${Loading} what="Loading your preferences" />`;

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
    <p class="lead">${t('Choose which e-mails you get from the Support Centre at {email}, in which language, and in which time zone their times are shown.', { email: user.email })}</p>
    <${LanguageAndZone} />
    <form class="stack preferences" onSubmit=${save} aria-label=${t('E-mails')} novalidate>
      <div aria-live="polite">${saved ? html`<${Notice} kind="success">${t('Your preferences are saved.')}<//>` : ''}</div>
      <${ErrorNotice} error=${error} fields=${placed} />
      <fieldset>
        <legend>${t('E-mails')}</legend>
        <ul class="switches">${kinds.map((kind) => html`<${KindSwitch} kind=${kind} on=${draft.kinds[kind] ?? false} mandatory=${stored.mandatory.includes(kind)} error=${error}
          set=${(on: boolean) => update({ kinds: { ...draft.kinds, [kind]: on } })} />`)}</ul>
      </fieldset>
      ${staff ? html`<fieldset aria-describedby=${fieldMessages(error, 'categories').length ? 'categories-hint categories-error' : 'categories-hint'}>
        <legend>${t('Ticket categories you follow')}</legend>
        <p class="hint" id="categories-hint">${t('You hear about new tickets in these categories (while “New tickets” is on).')}</p>
        <ul class="checks">${TICKET_CATEGORIES.map((category) => html`<li>
          <input id=${`cat-${category}`} type="checkbox" checked=${follows(category)} onChange=${(event: Event) => toggleCategory(category, (event.currentTarget as HTMLInputElement).checked)} />
          <label for=${`cat-${category}`}>${TICKET_CATEGORY_LABELS[category]}</label>
        </li>`)}</ul>
        <${FieldMessage} error=${error} field="categories" id="categories-error" />
      </fieldset>` : ''}
      <p><button type="submit">${t('Save preferences')}</button></p>
    </form>
    <${ReplyAddresses} />`;
}
