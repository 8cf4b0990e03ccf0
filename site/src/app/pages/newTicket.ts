// New ticket: the API's fields, guide suggestions while typing, and deflection when the requester leaves.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createSearch, type SearchResult } from '../../search/index.ts';
import { api, apiUrl, authHeaders, idempotencyKey } from '../api/client.ts';
import type { SlaSettings, Ticket } from '../api/types.ts';
import { MarkdownEditor } from '../components/markdown.ts';
import { ErrorNotice, Field, PageTitle } from '../components/ui.ts';
import { AttachmentPicker, BodyLimit, useAttachmentQueue } from '../components/attachments.ts';
import { createDeflectionTracker, guideFromUrl, type LeaveReason } from '../deflection.ts';
import { categoryLabel, priorityChoice, priorityOption, ticketPath, topicLabel } from '../format.ts';
import { t, tParts } from '../i18n.ts';
import { draftKey, readDraft, useDraft } from '../drafts.ts';
import { useLoad } from '../hooks.ts';
import { topicsOfCategory } from '../topics.ts';
import { navigate, type PageProps } from '../router.ts';
import { PRIORITIES, SYSTEMS, TICKET_CATEGORIES, TOPIC_IDS } from '../vocabulary.ts';

const SUGGEST_AFTER_MS = 250;
const MIN_QUERY_LENGTH = 4;

type Category = (typeof TICKET_CATEGORIES)[number];

/** What the search sees: the subject, then the start of the body. */
export function suggestionQuery(subject: string, body: string): string {
  return `${subject} ${body.slice(0, 300)}`.replace(/\s+/g, ' ').trim();
}

function useSuggestions(text: string): SearchResult[] {
  const search = useMemo(() => createSearch({ baseUrl: '/' }), []);
  const [results, setResults] = useState<SearchResult[]>([]);
  useEffect(() => () => search.dispose(), [search]);
  useEffect(() => {
    if (text.length < MIN_QUERY_LENGTH) {
      setResults([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      search.query(text, { limit: 3, distinctGuides: true }).then(
        (found) => { if (current && found.length) setResults(found); },
        () => { if (current) setResults([]); },
      );
    }, SUGGEST_AFTER_MS);
    return () => { current = false; clearTimeout(timer); };
  }, [text]);
  return results;
}

/** Records at most one deflection when the requester leaves after opening a suggestion. */
function useDeflection() {
  const tracker = useMemo(() => createDeflectionTracker(), []);
  const key = useMemo(() => idempotencyKey(), []);
  useEffect(() => {
    const leave = (reason: LeaveReason) => {
      const deflection = tracker.leaving(reason, Date.now());
      if (!deflection) return;
      // keepalive lets the request outlive the page; the key makes a repeated send count once.
      void fetch(apiUrl('/deflections'), {
        method: 'POST',
        keepalive: true,
        headers: { ...authHeaders(), 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(deflection),
      }).catch(() => {});
    };
    const onPageHide = () => leave('pagehide');
    const onVisibility = () => { if (document.visibilityState === 'hidden') leave('hidden'); };
    addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      leave('route-change');
    };
  }, [tracker, key]);
  return tracker;
}

function Suggestions({ results, onOpen }: { results: SearchResult[]; onOpen(url: string): void }): VNode {
  return html`<section class="suggestions" aria-labelledby="suggestions-title" aria-live="polite">
    ${results.length ? html`
      <h2 id="suggestions-title">${t('These guides may answer your question')}</h2>
      <ul>${results.map((result) => html`<li>
        <a href=${result.url} target="_blank" rel="noopener" onClick=${() => onOpen(result.url)} onAuxClick=${() => onOpen(result.url)}>
          <span class="result-title">${result.guideTitle}</span>
          ${result.sectionTitle ? html`<span class="result-section">${result.sectionTitle}</span>` : ''}
        </a>
        ${/* snippetHtml is the guide's own text, escaped by the search module, with <mark> around matches */ ''}
        <span class="result-snippet" dangerouslySetInnerHTML=${{ __html: result.snippetHtml }}></span>
      </li>`)}</ul>` : html`<h2 id="suggestions-title" class="visually-hidden">${t('Guide suggestions')}</h2>`}
  </section>`;
}

/** Whether a stored draft with text differs from what the link prefilled (so the prefill would silently not show). */
export function draftHidesPrefill(saved: Partial<TicketDraft> | undefined, prefill: { subject: string; body: string }): boolean {
  if (!prefill.subject && !prefill.body) return false;
  if (!saved || !(saved.subject?.trim() || saved.body?.trim())) return false;
  return saved.subject !== prefill.subject || saved.body !== prefill.body;
}

/**
 * What a prefilling link brings, so the question over an earlier draft names it: the compute estimator's link
 * brings a description (the estimate) with its subject; the search's "open a ticket" brings only a subject.
 */
export function linkBrings(prefill: { body: string }): 'estimate' | 'subject' {
  return prefill.body ? 'estimate' : 'subject';
}

interface TicketDraft {
  subject: string;
  body: string;
  category: Category;
  priority: string;
  system: string;
  topic: string;
  projectId: string;
  jobId: string;
}

export default function NewTicketPage({ query, user }: PageProps): VNode {
  const initialCategory = TICKET_CATEGORIES.includes(query.get('category') as Category) ? (query.get('category') as Category) : 'other';
  const fromGuide = guideFromUrl(`/guides/${query.get('guide') ?? ''}/`);
  // Subject, body and system may come prefilled in the query (the compute estimator's "attach to a ticket"); a draft
  // the person typed earlier is kept, and they are asked which one they want (draftHidesPrefill).
  const prefill = { subject: query.get('subject')?.slice(0, 200) ?? '', body: query.get('body') ?? '', system: (SYSTEMS as readonly string[]).includes(query.get('system') ?? '') ? query.get('system')! : '',
    topic: (TOPIC_IDS as readonly string[]).includes(query.get('topic') ?? '') ? query.get('topic')! : '' };
  const key = draftKey(user.id, 'new-ticket');
  // Asked once, on arrival with a prefill: whether an earlier draft would hide it.
  const [conflict, setConflict] = useState(() => draftHidesPrefill(readDraft<TicketDraft>(key), prefill));
  const estimate = linkBrings(prefill) === 'estimate';
  // The choice made, the notice goes and focus moves on to the form (not lost to the page): in the render that
  // removes the notice (a layout effect), not on a later animation frame, which a busy or background tab delays.
  const focusSubject = useRef(false);
  useLayoutEffect(() => {
    if (conflict || !focusSubject.current) return;
    focusSubject.current = false;
    document.getElementById('subject')?.focus();
  });
  const settle = () => {
    focusSubject.current = true;
    setConflict(false);
  };
  const [draft, setDraft, clearDraft] = useDraft<TicketDraft>(
    key,
    { subject: prefill.subject, body: prefill.body, category: initialCategory, priority: 'normal', system: prefill.system, topic: prefill.topic, projectId: '', jobId: '' },
    (value) => Boolean(value.subject.trim() || value.body.trim() || value.projectId.trim() || value.jobId.trim()),
  );
  const { subject, body, category, priority, system, topic, projectId, jobId } = draft;
  const field = <K extends keyof TicketDraft>(name: K) => (value: TicketDraft[K]) => setDraft({ ...draft, [name]: value });
  const [setSubject, setBody, setCategory, setPriority, setSystem, setTopic, setProjectId, setJobId] = [field('subject'), field('body'), field('category'), field('priority'), field('system'), field('topic'), field('projectId'), field('jobId')];
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  // The centre's targets as coordinators set them; until they arrive (or if they cannot), the built-in ones.
  const sla = useLoad(() => api.get<SlaSettings>('/settings/sla'), []);
  const submitKey = useRef(idempotencyKey());
  const tracker = useDeflection();
  const suggestions = useSuggestions(suggestionQuery(subject, body));
  const queue = useAttachmentQueue();
  const [lastPaste, setLastPaste] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<Ticket | undefined>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const fullBody = fromGuide ? `${body}\n\n_Opened from the guide [${fromGuide.guide}](/guides/${fromGuide.guide}/)._` : body;
      const ticket = created ?? await api.post<Ticket>('/tickets', {
        subject, body: fullBody, category, priority,
        ...(system ? { system } : {}), ...(topic ? { topic } : {}), ...(projectId ? { projectId } : {}), ...(jobId ? { jobId } : {}),
      }, { 'Idempotency-Key': submitKey.current });
      setCreated(ticket);
      tracker.submitted();
      clearDraft();
      // The files go once the ticket exists; a failed one can be sent again from here (the ticket is not opened twice).
      if (queue.files.length) await queue.uploadAll(ticket.id, false);
      navigate(ticketPath(ticket));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const text = (setter: (value: string) => void) => (event: Event) => setter((event.currentTarget as HTMLInputElement).value);
  const placed = ['subject', 'body', 'category', 'priority', 'system', 'topic', 'projectId', 'jobId'];
  return html`
    <${PageTitle}>New ticket<//>
    <p class="lead">${t('Describe what you are trying to do and what happens. An expert answers within the service level of the priority you choose.')}</p>
    ${conflict ? html`<div class="notice warning" role="status" id="draft-conflict">
      <p>${t(estimate ? 'You have an unsent draft (“{subject}”); the link you followed brings an estimate.' : 'You have an unsent draft (“{subject}”); the link you followed brings the subject “{linked}” from a search.', { subject: draft.subject.trim() || t('no subject'), linked: prefill.subject })}</p>
      <p class="actions">
        ${/* A subject alone replaces the subject only: the description typed stays. */ ''}
        <button type="button" onClick=${() => { setDraft(estimate ? { ...draft, subject: prefill.subject, body: prefill.body, system: prefill.system || draft.system } : { ...draft, subject: prefill.subject }); settle(); }}>${t(estimate ? 'Replace it with the estimate' : 'Use the subject from the search')}</button>
        <button type="button" class="button secondary" onClick=${settle}>${t('Keep my draft')}</button>
      </p>
    </div>` : ''}
    ${fromGuide ? html`<p class="notice info">${tParts('You came from the guide {guide}; it will be linked in your ticket.', { guide: html`<a href=${`/guides/${fromGuide.guide}/`}>${fromGuide.guide}</a>` })}</p>` : ''}
    <div class="new-ticket">
      <form class="stack" onSubmit=${submit} novalidate>
        <${ErrorNotice} error=${error} fields=${placed} />
        <${Field} id="subject" label=${t('Subject')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
          <input id="subject" type="text" required minlength="3" maxlength="200" autocomplete="off" value=${subject} onInput=${text(setSubject)}
            aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
        ${/* Right after the subject, so a phone shows the guides while one types; wide screens place it beside the form. */ ''}
        <${Suggestions} results=${suggestions} onOpen=${(url: string) => { const guide = guideFromUrl(url); if (guide) tracker.opened(guide, Date.now()); }} />
        <div onPaste=${(event: ClipboardEvent) => setLastPaste(event.clipboardData?.getData('text') || undefined)}>
        <${Field} id="body" label=${t('Description')} error=${error} hint=${t('What you ran, what you expected, what happened (error messages, job output).')}>${(describedBy: string | undefined, invalid: boolean) => html`
          <${MarkdownEditor} id="body" label=${t('Description')} value=${body} onInput=${setBody} describedBy=${describedBy} invalid=${invalid} required />`}<//>
        <${BodyLimit} body=${body} lastPaste=${lastPaste} onMove=${(rest: string, file: File) => { setBody(rest); void queue.add([file]); }} />
        </div>
        <${AttachmentPicker} id="attachments" queue=${queue} />
        <div class="grid-2">
          <${Field} id="category" label=${t('Category')} error=${error}>${(describedBy: string | undefined) => html`
            <select id="category" value=${category} onChange=${text((value) => setCategory(value as Category))} aria-describedby=${describedBy}>
              ${TICKET_CATEGORIES.map((id) => html`<option value=${id}>${categoryLabel(id)}</option>`)}
            </select>`}<//>
          <${Field} id="priority" label=${t('Priority')} error=${error} hint=${`${priorityOption(priority, sla.data)}.`}>${(describedBy: string | undefined) => html`
            <select id="priority" value=${priority} onChange=${text(setPriority)} aria-describedby=${describedBy}>
              ${PRIORITIES.map((id) => html`<option value=${id}>${priorityChoice(id, sla.data)}</option>`)}
            </select>`}<//>
          <${Field} id="system" label=${t('System (optional)')} error=${error}>${(describedBy: string | undefined) => html`
            <select id="system" value=${system} onChange=${text(setSystem)} aria-describedby=${describedBy}>
              <option value="">${t('Not specific to a system')}</option>
              ${SYSTEMS.map((id) => html`<option value=${id}>${id === 'other' ? t('Other') : id}</option>`)}
            </select>`}<//>
          <${Field} id="topic" label=${t('Topic (optional)')} hint=${t('Helps us pick the expert who knows it best.')} error=${error}>${(describedBy: string | undefined) => html`
            <select id="topic" value=${topic} onChange=${text(setTopic)} aria-describedby=${describedBy}>
              <option value="">${t('Not sure')}</option>
              ${/* The chosen category's topics first: those are the ones its experts know. */ ''}
              ${topicsOfCategory(category).length ? html`<optgroup label=${t('In {category}', { category: categoryLabel(category) })}>${topicsOfCategory(category).map((id) => html`<option value=${id}>${topicLabel(id)}</option>`)}</optgroup>` : ''}
              <optgroup label=${t('Other topics')}>${TOPIC_IDS.filter((id) => !topicsOfCategory(category).includes(id)).map((id) => html`<option value=${id}>${topicLabel(id)}</option>`)}</optgroup>
            </select>`}<//>
          <${Field} id="projectId" label=${t('Project (optional)')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
            <input id="projectId" type="text" maxlength="64" value=${projectId} onInput=${text(setProjectId)} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
          <${Field} id="jobId" label=${t('Job id (optional)')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
            <input id="jobId" type="text" maxlength="64" value=${jobId} onInput=${text(setJobId)} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined} />`}<//>
        </div>
        ${category === 'access-and-allocations' ? html`<p class="hint" id="estimate-hint">${tParts('Asking for compute time? {link} and attach the estimate here.', { link: html`<a href="/tools/estimate/">${t('Estimate the hours')}</a>` })}</p>` : ''}
        ${created ? html`<p class="notice warning">${tParts('Your ticket {reference} was opened; a file did not upload. Send again, remove it, or {link}.', { link: html`<a href=${`/app/tickets/${created.id}`}>${t('open the ticket')}</a>` }, { reference: created.reference })}</p>` : ''}
        <p><button type="submit" disabled=${busy}>${t(busy ? (queue.busy ? 'Uploading files…' : 'Submitting…') : created ? 'Send the files again' : 'Submit ticket')}</button></p>
      </form>
    </div>`;
}
