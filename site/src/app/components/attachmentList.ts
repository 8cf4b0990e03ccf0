// A ticket's files: thumbnails for images, "View" (the log viewer) for text, download as a file, remove (the
// uploader while the ticket is not closed, staff any time), secret marks for staff, removed ones as history.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { fileSize, IMAGE_KINDS, type Kind } from '../../../../functions/attachments/domain/limits.ts';
import { describeSecrets } from '../../../../functions/attachments/domain/secrets.ts';
import { api, request } from '../api/client.ts';
import type { Attachment, AttachmentDownload, Me, Ticket } from '../api/types.ts';
import { useLoad } from '../hooks.ts';
import { ErrorNotice } from './ui.ts';


/** Fetches a fresh signed link; the browser downloads the file (always Content-Disposition: attachment). */
async function download(ticketId: string, id: string): Promise<void> {
  const { downloadUrl } = await api.get<AttachmentDownload>(`/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(id)}`);
  location.assign(downloadUrl);
}

function Thumbnail({ ticketId, attachment }: { ticketId: string; attachment: Attachment }): VNode | null {
  const link = useLoad(async () => (await api.get<AttachmentDownload>(`/tickets/${ticketId}/attachments/${attachment.id}`)).downloadUrl, [attachment.id]);
  return link.data ? html`<img class="attachment-thumb" src=${link.data} alt=${`Preview of ${attachment.filename}`} loading="lazy" width="96" height="72" />` : null;
}

export function AttachmentList({ ticket, user }: { ticket: Ticket; user: Me }): VNode | null {
  const list = useLoad(async () => (await api.get<{ items: Attachment[] }>(`/tickets/${ticket.id}/attachments`)).items, [ticket.id, ticket.version, ticket.messageCount]);
  const [error, setError] = useState<unknown>(undefined);
  const staff = user.role !== 'requester';
  if (!list.data?.length) return null;
  const remove = async (attachment: Attachment) => {
    setError(undefined);
    try {
      await request('DELETE', `/tickets/${ticket.id}/attachments/${attachment.id}`);
      await list.reload();
    } catch (caught) {
      setError(caught);
    }
  };
  return html`<section class="panel attachments" aria-labelledby="attachments-title">
    <h2 id="attachments-title">Files</h2>
    <${ErrorNotice} error=${error} />
    <ul class="attachment-list">${list.data.map((a) => html`<li key=${a.id} class=${a.status === 'removed' ? 'removed' : ''}>
      ${a.status === 'complete' && IMAGE_KINDS.includes(a.kind as Kind) ? html`<${Thumbnail} ticketId=${ticket.id} attachment=${a} />` : ''}
      <span class="attachment-name">${a.filename}</span>
      <span class="muted"> ${fileSize(a.size)} · ${a.uploaderName}${a.internal ? ' · internal' : ''}</span>
      ${a.status === 'removed' ? html`<span class="muted"> · removed${a.removedByName ? ` by ${a.removedByName}` : ''}</span>` : html`
        ${a.kind === 'text' ? html` <a href=${`/app/tickets/${ticket.id}/attachments/${a.id}`}>View ${a.filename}</a>` : ''}
        <button type="button" class="button secondary small" onClick=${() => download(ticket.id, a.id).catch(setError)}>Download ${a.filename}</button>
        ${staff || (a.uploaderId === user.id && ticket.status !== 'closed') ? html`<button type="button" class="button secondary small" onClick=${() => remove(a)}>Remove ${a.filename}</button>` : ''}
        ${staff && a.secrets?.length ? html`<p class="notice warning">May contain ${describeSecrets(a.secrets)}.</p>` : ''}`}
    </li>`)}</ul>
  </section>`;
}
