// One ticket: the thread, the reply box (public reply or internal note for staff), close/reopen for the
// requester, take/assign/status/priority for staff. Changes carry If-Match; a stale one (412) reloads the ticket.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { allowedTransitions } from '../../../../functions/tickets/domain/state.ts';
import { api, idempotencyKey, isProblem, request } from '../api/client.ts';
import type { Expert, Me, Message as TicketMessage, SlaSettings, Ticket, TicketEvent } from '../api/types.ts';
import { t, type Message } from '../i18n.ts';
import { describeEvent } from '../history.ts';
import { draftKey, useDraft } from '../drafts.ts';
import { Markdown, MarkdownEditor } from '../components/markdown.ts';
import { ErrorNotice, Field, Loading, Notice, PageTitle, SlaBadge, StatusBadge } from '../components/ui.ts';
import { AttachmentPicker, BodyLimit, useAttachmentQueue } from '../components/attachments.ts';
import { AttachmentList } from '../components/attachmentList.ts';
import { categoryLabel, formatDateTime, formatDateTimeZoned, humanize, priorityChoice, priorityOption } from '../format.ts';
import { useLoad } from '../hooks.ts';
import type { PageProps } from '../router.ts';
import { PRIORITIES } from '../vocabulary.ts';

interface Loaded {
  ticket: Ticket;
  etag: string;
}

type Patch = Partial<Pick<Ticket, 'status' | 'priority'>> & { assigneeId?: string | null };

export const STALE_MESSAGE: Message = 'Someone else changed this ticket while you were looking at it. It has been reloaded: check the current state and make your change again.';

function Thread({ ticket, user }: { ticket: Ticket; user: Me }): VNode {
  const entries: Array<Pick<TicketMessage, 'id' | 'authorName' | 'authorRole' | 'body' | 'internal' | 'createdAt'>> = [
    { id: 'original', authorName: ticket.requesterName, authorRole: 'requester', body: ticket.body, internal: false, createdAt: ticket.createdAt },
    ...(ticket.messages ?? []),
  ];
  return html`<ol class="thread" aria-label=${t('Conversation')}>${entries.map((entry) => html`
    <li class=${`message${entry.internal ? ' internal' : ''}${entry.authorRole !== 'requester' ? ' staff' : ''}`}>
      <article aria-label=${t(entry.internal ? 'Internal note from {name}' : 'Message from {name}', { name: entry.authorName })}>
        <header class="message-head">
          <strong>${entry.authorName}</strong>
          ${entry.authorRole !== 'requester' ? html`<span class="badge">${t(entry.authorRole === 'expert' ? 'Expert' : 'Coordinator')}</span>` : ''}
          ${entry.internal ? html`<span class="badge internal-badge">${t(user.role !== 'requester' ? 'Internal note (not shown to the requester)' : 'Internal note')}</span>` : ''}
          <time datetime=${entry.createdAt}>${formatDateTime(entry.createdAt)}</time>
        </header>
        <${Markdown} text=${entry.body} />
      </article>
    </li>`)}</ol>`;
}

function ReplyBox({ ticket, user, onPosted }: { ticket: Ticket; user: Me; onPosted(ticket: Ticket): void }): VNode {
  const staff = user.role !== 'requester';
  const [internal, setInternal] = useState(false);
  // A reply and an internal note are two drafts of their own, per user and ticket.
  const hasText = (value: { body: string }) => Boolean(value.body.trim());
  const [reply, setReply, clearReply] = useDraft(draftKey(user.id, `ticket.${ticket.id}.reply`), { body: '' }, hasText);
  const [note, setNote, clearNote] = useDraft(draftKey(user.id, `ticket.${ticket.id}.note`), { body: '' }, hasText);
  const body = internal ? note.body : reply.body;
  const setBody = (value: string) => (internal ? setNote : setReply)({ body: value });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const key = useRef(idempotencyKey());
  const queue = useAttachmentQueue();
  const [lastPaste, setLastPaste] = useState<string | undefined>(undefined);
  if (ticket.status === 'closed' && !staff) return html`<p class="muted">${t('This ticket is closed. Open a new ticket if you need more help.')}</p>`;
  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const attachmentIds = queue.files.length ? await queue.uploadAll(ticket.id, internal) : [];
      const posted = await api.post<{ ticket: Ticket }>(`/tickets/${ticket.id}/messages`, { body, internal, ...(attachmentIds.length ? { attachmentIds } : {}) }, { 'Idempotency-Key': key.current });
      key.current = idempotencyKey();
      queue.clear();
      (internal ? clearNote : clearReply)();
      onPosted(posted.ticket);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="reply stack" onSubmit=${send} aria-labelledby="reply-title">
    <h2 id="reply-title">${t(staff ? 'Reply or add a note' : 'Reply')}</h2>
    <${ErrorNotice} error=${error} fields=${['body']} />
    ${staff ? html`<fieldset class="choice"><legend>${t('Visibility')}</legend>
      <label><input type="radio" name="visibility" checked=${!internal} onChange=${() => setInternal(false)} /> ${t('Public reply (the requester sees it)')}</label>
      <label><input type="radio" name="visibility" checked=${internal} onChange=${() => setInternal(true)} /> ${t('Internal note (staff only)')}</label>
    </fieldset>` : ''}
    <${Field} id="reply-body" field="body" label=${t(internal ? 'Note' : 'Message')} error=${error}>${(describedBy: string | undefined, invalid: boolean) => html`
      <div onPaste=${(event: ClipboardEvent) => setLastPaste(event.clipboardData?.getData('text') || undefined)}>
      <${MarkdownEditor} id="reply-body" label=${t(internal ? 'Note' : 'Message')} value=${body} onInput=${setBody} describedBy=${describedBy} invalid=${invalid} rows=${6} required /></div>`}<//>
    <${BodyLimit} body=${body} lastPaste=${lastPaste} onMove=${(rest: string, file: File) => { setBody(rest); void queue.add([file]); }} />
    <${AttachmentPicker} id="reply-attachments" queue=${queue} />
    <p><button type="submit" disabled=${busy || !body.trim()}>${t(internal ? 'Add internal note' : 'Send reply')}</button></p>
  </form>`;
}

/**
 * An expert takes a ticket (or releases their own). Taking one someone else holds asks first, naming them: they
 * lose it (and are told by e-mail), so a stray click must not move it.
 */
function ExpertTake({ ticket, user, change }: { ticket: Ticket; user: Me; change(patch: Patch): Promise<void> }): VNode {
  const [asking, setAsking] = useState(false);
  const holder = ticket.assigneeName ?? t('another expert');
  if (ticket.assigneeId === user.id) return html`<p><button type="button" class="button secondary" onClick=${() => change({ assigneeId: null })}>${t('Release it')}</button></p>`;
  if (!ticket.assigneeId) return html`<p><button type="button" onClick=${() => change({ assigneeId: user.id })}>${t('Take this ticket')}</button></p>`;
  if (!asking) {
    return html`<p><span class="muted">${t('Assigned to {name}.', { name: holder })}</span> <button type="button" class="button secondary" onClick=${() => setAsking(true)}>${t('Take this ticket')}</button></p>`;
  }
  return html`<div class="notice" role="group" aria-labelledby="take-question">
    <p id="take-question">${t('{name} has this ticket. Take it from {name}? They will be told it is yours now.', { name: holder })}</p>
    <p class="actions">
      <button type="button" onClick=${() => { setAsking(false); void change({ assigneeId: user.id }); }}>${t('Yes, take it from {name}', { name: holder })}</button>
      <button type="button" class="button secondary" onClick=${() => setAsking(false)}>${t('Cancel')}</button>
    </p>
  </div>`;
}

function StaffActions({ ticket, user, experts, sla, change }: { ticket: Ticket; user: Me; experts: Expert[]; sla?: SlaSettings; change(patch: Patch): Promise<void> }): VNode {
  const [status, setStatus] = useState<string>(ticket.status);
  const [priority, setPriority] = useState<string>(ticket.priority);
  const [assignee, setAssignee] = useState<string>(ticket.assigneeId ?? '');
  const statuses = [ticket.status, ...allowedTransitions(ticket.status, user.role)];
  const save = (event: Event) => {
    event.preventDefault();
    const patch: Patch = {};
    if (status !== ticket.status) patch.status = status as Ticket['status'];
    if (priority !== ticket.priority) patch.priority = priority as Ticket['priority'];
    if (user.role === 'coordinator' && assignee !== (ticket.assigneeId ?? '')) patch.assigneeId = assignee || null;
    if (Object.keys(patch).length) void change(patch);
  };
  return html`<section class="panel" aria-labelledby="actions-title">
    <h2 id="actions-title">${t('Handle this ticket')}</h2>
    ${user.role === 'expert' ? html`<${ExpertTake} ticket=${ticket} user=${user} change=${change} />` : ''}
    <form class="stack" onSubmit=${save}>
      ${user.role === 'coordinator' ? html`<div class="field"><label for="assignee">${t('Assignee')}</label>
        <select id="assignee" value=${assignee} onChange=${(event: Event) => setAssignee((event.currentTarget as HTMLSelectElement).value)}>
          <option value="">${t('Unassigned')}</option>
          ${experts.map((expert) => html`<option value=${expert.id}>${expert.name}</option>`)}
        </select></div>` : ''}
      <div class="field"><label for="status">${t('Status')}</label>
        <select id="status" value=${status} onChange=${(event: Event) => setStatus((event.currentTarget as HTMLSelectElement).value)}>
          ${statuses.map((value) => html`<option value=${value}>${t(humanize(value))}</option>`)}
        </select></div>
      <div class="field"><label for="priority">${t('Priority')}</label>
        <select id="priority" value=${priority} aria-describedby="priority-hint" onChange=${(event: Event) => setPriority((event.currentTarget as HTMLSelectElement).value)}>
          ${PRIORITIES.map((value) => html`<option value=${value}>${priorityChoice(value, sla)}</option>`)}
        </select><p class="hint" id="priority-hint">${priorityOption(priority, sla)}.</p></div>
      <p><button type="submit">${t('Save changes')}</button></p>
    </form>
  </section>`;
}

function RequesterActions({ ticket, user, change }: { ticket: Ticket; user: Me; change(patch: Patch): Promise<void> }): VNode | null {
  const allowed = allowedTransitions(ticket.status, 'requester', ticket.requesterId === user.id);
  if (!allowed.length) return null;
  return html`<section class="panel" aria-labelledby="actions-title">
    <h2 id="actions-title">${t('Your ticket')}</h2>
    <p class="actions">
      ${allowed.includes('open') ? html`<button type="button" onClick=${() => change({ status: 'open' })}>${t('Reopen ticket')}</button>` : ''}
      ${allowed.includes('closed') ? html`<button type="button" class="button secondary" onClick=${() => change({ status: 'closed' })}>${t('Close ticket')}</button>` : ''}
    </p>
  </section>`;
}

/** The SLA due times still running, in the viewer's zone. */
function DueTimes({ ticket }: { ticket: Ticket }): VNode | null {
  if (ticket.status === 'resolved' || ticket.status === 'closed') return null;
  const due: Array<[Message, string]> = [
    ...(ticket.firstResponseAt ? [] : [['First response due', ticket.sla.firstResponseDue] as [Message, string]]),
    ['Resolution due', ticket.sla.resolutionDue],
  ];
  return html`${due.map(([label, at]) => html`<div><dt>${t(label)}</dt><dd><time datetime=${at}>${formatDateTimeZoned(at)}</time></dd></div>`)}`;
}

function Facts({ ticket, staff }: { ticket: Ticket; staff: boolean }): VNode {
  return html`<dl class="facts">
    <div><dt>${t('Status')}</dt><dd><${StatusBadge} status=${ticket.status} /></dd></div>
    <div><dt>${t('Service level')}</dt><dd><${SlaBadge} ticket=${ticket} /></dd></div>
    <${DueTimes} ticket=${ticket} />
    <div><dt>${t('Priority')}</dt><dd>${t(humanize(ticket.priority))}</dd></div>
    <div><dt>${t('Category')}</dt><dd>${categoryLabel(ticket.category)}</dd></div>
    ${ticket.system ? html`<div><dt>${t('System')}</dt><dd>${ticket.system}</dd></div>` : ''}
    ${ticket.projectId ? html`<div><dt>${t('Project')}</dt><dd>${ticket.projectId}</dd></div>` : ''}
    ${ticket.jobId ? html`<div><dt>${t('Job')}</dt><dd>${ticket.jobId}</dd></div>` : ''}
    <div><dt>${t('Requester')}</dt><dd>${ticket.requesterName} (${ticket.orgName ?? ticket.orgId})</dd></div>
    <div><dt>${t('Assignee')}</dt><dd>${ticket.assigneeName ?? t('Unassigned')}
      ${staff && ticket.assignment?.reason ? html`<p class="assignment-reason" id="assignment-reason">${ticket.assignment.reason}</p>` : ''}</dd></div>
    <div><dt>${t('Opened')}</dt><dd>${formatDateTime(ticket.createdAt)}</dd></div>
  </dl>`;
}

/** An `assigned` event's reason, unless it only repeats the sentence ("assigned by Sam Coordinator"). */
export const showsReason = (event: TicketEvent): boolean => Boolean(event.reason) && !/^(assigned|taken|unassigned) by [^:]*$/.test(event.reason!);

/** The audit trail (staff): who did what, oldest first. */
function History({ ticket, experts }: { ticket: Ticket; experts: Expert[] }): VNode | null {
  if (!ticket.events?.length) return null;
  const names = new Map(experts.map((expert) => [expert.id, expert.name]));
  if (ticket.assigneeId && ticket.assigneeName) names.set(ticket.assigneeId, ticket.assigneeName);
  for (const event of ticket.events) names.set(event.actorId, event.actorName);
  const nameOf = (id: string) => names.get(id) ?? id;
  return html`<section class="panel history" aria-labelledby="history-title">
    <h2 id="history-title">${t('History')}</h2>
    <ol class="history-list">${ticket.events.map((event) => html`<li>
      <time datetime=${event.at}>${formatDateTime(event.at)}</time> <span><strong>${event.actorName}</strong> ${describeEvent(event, nameOf)}
        ${showsReason(event) ? html`<span class="history-reason">${event.reason}</span>` : ''}</span>
    </li>`)}</ol>
  </section>`;
}

export default function TicketPage({ params, user }: PageProps): VNode {
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning'; text: string } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const loaded = useLoad<Loaded>(async () => {
    const query = user.role === 'requester' ? {} : { include: 'events' };
    const { data, etag } = await request<Ticket>('GET', `/tickets/${encodeURIComponent(params.id!)}`, { query });
    return { ticket: data, etag: etag ?? '' };
  }, [params.id]);
  // Coordinators assign from this list; staff read assignees' names in the history from it.
  const experts = useLoad(async () => (user.role === 'requester' ? [] : (await api.get<{ items: Expert[] }>('/experts')).items), [user.role]);
  // The configured targets for the priority menu (staff may read the SLA settings).
  const sla = useLoad(async () => (user.role === 'requester' ? undefined : api.get<SlaSettings>('/settings/sla')), [user.role]);

  const change = async (patch: Patch) => {
    if (!loaded.data) return;
    setError(undefined);
    setNotice(undefined);
    try {
      const { data, etag } = await request<Ticket>('PATCH', `/tickets/${loaded.data.ticket.id}`, { body: patch, headers: { 'If-Match': loaded.data.etag } });
      // The PATCH answer has no messages nor history; keep the thread, and fetch the history the change added to.
      loaded.set({ ticket: { ...data, messages: loaded.data.ticket.messages, events: loaded.data.ticket.events }, etag: etag ?? '' });
      setNotice({ kind: 'success', text: t('Saved.') });
      if (user.role !== 'requester') void loaded.reload();
    } catch (caught) {
      if (isProblem(caught, 'stale')) {
        await loaded.reload();
        setNotice({ kind: 'warning', text: t(STALE_MESSAGE) });
      } else {
        setError(caught);
      }
    }
  };

  if (loaded.loading && !loaded.data) return html`<${PageTitle}>Ticket<//><${Loading} what="Loading the ticket" />`;
  if (!loaded.data) return html`<${PageTitle}>Ticket<//><${ErrorNotice} error=${loaded.error} /><p><a href="/app/tickets">${t('Back to tickets')}</a></p>`;
  const { ticket } = loaded.data;
  return html`
    <p class="back"><a href="/app/tickets">← ${t(user.role === 'requester' ? 'My tickets' : 'Queue')}</a></p>
    <${PageTitle}><span class="ref">${ticket.reference}</span> ${ticket.subject}<//>
    <div aria-live="polite">${notice ? html`<${Notice} kind=${notice.kind}>${notice.text}<//>` : ''}</div>
    <${ErrorNotice} error=${error} />
    <div class="ticket-layout">
      <div class="ticket-main">
        <${Thread} ticket=${ticket} user=${user} />
        <${AttachmentList} ticket=${ticket} user=${user} />
        <${ReplyBox} key=${ticket.id} ticket=${ticket} user=${user}
          onPosted=${() => { void loaded.reload(); setNotice({ kind: 'success', text: t('Posted.') }); }} />
      </div>
      <aside class="ticket-side" aria-label=${t('Ticket details')}>
        <${Facts} ticket=${ticket} staff=${user.role !== 'requester'} />
        ${user.role === 'requester'
          ? html`<${RequesterActions} ticket=${ticket} user=${user} change=${change} />`
          : html`<${StaffActions} key=${`${ticket.id}-${ticket.version}`} ticket=${ticket} user=${user} experts=${experts.data ?? []} sla=${sla.data} change=${change} />`}
        <${History} ticket=${ticket} experts=${experts.data ?? []} />
      </aside>
    </div>`;
}
