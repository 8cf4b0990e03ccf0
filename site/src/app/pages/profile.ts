// The expert's own profile, as SMEs see it in the mentoring directory: bio, topics (with their guide titles),
// skills, languages, systems, and the meeting link given to those who book. Errors are shown by field.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { TopicId } from '../../../../functions/core/topics.ts';
import { api, ApiError } from '../api/client.ts';
import type { OwnProfile, ProfileChange } from '../api/types.ts';
import { ErrorNotice, Field, FieldMessage, fieldMessages, Loading, Notice, PageTitle } from '../components/ui.ts';
import { humanize } from '../format.ts';
import { useEditedDraft } from '../hooks.ts';
import { TOPIC_TITLES } from '../topics.ts';
import { SYSTEMS, TOPIC_IDS } from '../vocabulary.ts';

type System = (typeof SYSTEMS)[number];
interface Draft {
  bio: string;
  expertise: TopicId[];
  skills: string;
  languages: string;
  systems: System[];
  meetingLink: string;
}

const EMPTY: Draft = { bio: '', expertise: [], skills: '', languages: 'en', systems: [], meetingLink: '' };

/** "FSDP, DeepSpeed ," → ["FSDP", "DeepSpeed"]. */
export const listOf = (value: string): string[] => value.split(',').map((item) => item.trim()).filter(Boolean);

function draftOf(profile: OwnProfile): Draft {
  return {
    bio: profile.bio, expertise: profile.expertise as TopicId[], skills: profile.skills.join(', '),
    languages: profile.languages.join(', '), systems: profile.systems as System[], meetingLink: profile.meetingLink,
  };
}

const toggled = <T>(list: T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((value) => value !== item));
const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;
const checkedOf = (event: Event) => (event.currentTarget as HTMLInputElement).checked;

export default function ProfilePage(): VNode {
  const { draft, loadError, error, saved, update, submit } = useEditedDraft<Draft>(async () => draftOf(await api.get<OwnProfile>('/experts/me')), () => EMPTY);
  if (loadError) return html`<${PageTitle}>Expert profile<//><${ErrorNotice} error=${loadError} />`;
  if (!draft) return html`<${PageTitle}>Expert profile<//><${Loading} what="Loading your profile" />`;

  const save = submit(async (draft) => {
    const change: ProfileChange = { ...draft, skills: listOf(draft.skills), languages: listOf(draft.languages) };
    return draftOf(await api.put<OwnProfile>('/experts/me', change));
  });

  const fields = ['bio', 'expertise', 'skills', 'languages', 'systems', 'meetingLink'];
  const placed = error instanceof ApiError ? (error.problem.errors ?? []).map((item) => item.field).filter((field) => fields.includes(field.split('.')[0]!)) : [];
  const groupDescription = (field: string) => (fieldMessages(error, field).length ? `${field}-hint ${field}-error` : `${field}-hint`);
  return html`
    <${PageTitle}>Expert profile<//>
    <p class="lead">What SMEs see when they look for a mentor. Your availability is set on <a href="/app/availability">its own page</a>.</p>
    <form class="stack profile" onSubmit=${save} novalidate>
      <div aria-live="polite">${saved ? html`<${Notice} kind="success">Your profile is saved.<//>` : ''}</div>
      <${ErrorNotice} error=${error} fields=${placed} />
      <${Field} id="bio" label="About you" hint="A few sentences on what you help with (up to 2,000 characters)." error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
        <textarea id="bio" rows="5" maxlength="2000" value=${draft.bio} onInput=${(event: Event) => update({ bio: valueOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}></textarea>`}<//>
      <fieldset aria-describedby=${groupDescription('expertise')}>
        <legend>Topics you know</legend>
        <p class="hint" id="expertise-hint">Up to 10 knowledge-base topics; SMEs filter the directory by them.</p>
        <ul class="checks topics">${TOPIC_IDS.map((id) => html`<li>
          <input id=${`topic-${id}`} type="checkbox" checked=${draft.expertise.includes(id)} onChange=${(event: Event) => update({ expertise: toggled(draft.expertise, id, checkedOf(event)) })} />
          <label for=${`topic-${id}`}>${TOPIC_TITLES[id]} <code>${id}</code></label>
        </li>`)}</ul>
        <${FieldMessage} error=${error} field="expertise" id="expertise-error" />
      </fieldset>
      <div class="grid-2">
        <${Field} id="skills" label="Skills" hint="Separated by commas, such as FSDP, DeepSpeed." error=${error} withItems>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="skills" type="text" value=${draft.skills} onInput=${(event: Event) => update({ skills: valueOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
        <${Field} id="languages" label="Languages" hint="Language codes separated by commas, such as en, es, pt-BR." error=${error} withItems>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="languages" type="text" value=${draft.languages} onInput=${(event: Event) => update({ languages: valueOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
      </div>
      <fieldset aria-describedby=${groupDescription('systems')}>
        <legend>Systems you work on</legend>
        <p class="hint" id="systems-hint">EuroHPC machines you can help with.</p>
        <ul class="checks systems">${SYSTEMS.map((system) => html`<li>
          <input id=${`system-${system.replace(/\s/g, '-')}`} type="checkbox" checked=${draft.systems.includes(system)} onChange=${(event: Event) => update({ systems: toggled(draft.systems, system, checkedOf(event)) })} />
          <label for=${`system-${system.replace(/\s/g, '-')}`}>${humanize(system)}</label>
        </li>`)}</ul>
        <${FieldMessage} error=${error} field="systems" id="systems-error" />
      </fieldset>
      <${Field} id="meetingLink" label="Meeting link" hint="The https:// address of your video room; only those who book see it." error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
        <input id="meetingLink" type="url" value=${draft.meetingLink} onInput=${(event: Event) => update({ meetingLink: valueOf(event) })} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
      <p><button type="submit">Save profile</button></p>
    </form>`;
}
