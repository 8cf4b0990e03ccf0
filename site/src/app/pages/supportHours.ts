// Experts: the hours they take tickets (may differ from when SMEs book them for mentoring) and their
// absences. Nothing new routes to an absent expert; coordinators see the tickets due while they are away.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { api, request } from '../api/client.ts';
import type { Absence, Absences, SupportHours } from '../api/types.ts';
import { absenceBody } from '../absences.ts';
import { AbsenceForm, AbsenceList } from '../components/absences.ts';
import { SettingsFrame } from '../components/settings.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { TimeZoneField, WeeklyEditor, type Window } from '../components/weeklyHours.ts';
import { viewerZone } from '../format.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { useSettingsForm } from '../settingsForm.ts';

export default function SupportHoursPage({ user }: PageProps): VNode {
  const form = useSettingsForm<SupportHours>('/experts/me/support-hours', user, {
    load: async () => {
      const stored = await api.get<SupportHours>('/experts/me/support-hours');
      return { ...stored, timeZone: stored.timeZone || viewerZone(), weekly: stored.weekly ?? [] };
    },
    bodyOf: ({ timeZone, weekly }) => ({ timeZone, weekly }),
  });
  const absences = useLoad(() => api.get<Absences>('/experts/me/absences'), []);
  // Days off are read in the expert's own zone: their support hours' zone, or, following the centre's hours, this browser's.
  const zone = (form.value && !form.value.followsServiceHours && form.value.timeZone) || viewerZone();
  const [error, setError] = useState<unknown>(undefined);
  const store = async (next: Absence[]) => absences.set(await api.put<Absences>('/experts/me/absences', { absences: next.map(absenceBody) }));
  const remove = async (gone: Absence) => {
    setError(undefined);
    try {
      await store(absences.data!.absences.filter((absence) => absence !== gone));
    } catch (caught) {
      setError(caught);
    }
  };
  // Back to the service hours: the stored hours go, and routing reads the centre's calendar for this expert.
  const followService = async () => {
    setError(undefined);
    try {
      await request('DELETE', '/experts/me/support-hours');
      form.discard();
      await form.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return html`
    <${PageTitle}>Support hours<//>
    <p class="lead">When you take tickets, in your time zone. With no hours here, the support centre's service hours apply. Your mentoring availability is set apart.</p>
    <${SettingsFrame} form=${form} label="Support hours" what="your support hours" placed=${['timeZone', 'weekly.']} submitLabel="Save support hours" savedText="Your support hours are saved.">
      ${(value: SupportHours) => html`
        <${TimeZoneField} value=${value.timeZone} onChange=${(timeZone: string) => form.edit({ ...value, timeZone })} error=${form.error} />
        ${value.followsServiceHours ? html`<p class="hint">You follow the support centre's service hours. Add hours to set your own.</p>` : ''}
        <${WeeklyEditor} weekly=${value.weekly} onChange=${(weekly: Window[]) => form.edit({ ...value, weekly })} error=${form.error} legend="Support hours" emptyLabel="No support" />`}
    <//>
    ${form.value && !form.value.followsServiceHours ? html`<p><button type="button" class="button secondary" onClick=${followService}>Follow the service hours instead</button></p>` : ''}
    <${ErrorNotice} error=${error} />
    <section aria-labelledby="absences-title">
      <h2 id="absences-title">Absences</h2>
      <p>While you are away, no new ticket comes to you, and coordinators see your tickets that fall due.</p>
      ${absences.error ? html`<${ErrorNotice} error=${absences.error} />` : !absences.data ? html`<${Loading} what="Loading your absences" />` : html`
        <${AbsenceList} absences=${absences.data.absences} timeZone=${zone} label="Your absences"
          onRemove=${remove} />
        <${AbsenceForm} user=${user} place="me" timeZone=${zone} onAdd=${(absence: Absence) => store([...absences.data!.absences, absence])} />`}
    </section>`;
}
