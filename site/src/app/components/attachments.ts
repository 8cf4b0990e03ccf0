// Picking files for a new ticket, a reply or a note: picker and drag and drop, limits shown before anything is
// sent, a warning when a text file seems to hold secrets, per-file progress while uploading, cancel. Files are
// uploaded when the form is sent (a new ticket has no id before), then named in the message.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { fileSize } from '../../../../functions/attachments/domain/limits.ts';
import { bodyCounter, moveLongPaste, PASTED_LOG_NAME } from '../../../../functions/attachments/domain/paste.ts';
import { t } from '../i18n.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_TICKET, MAX_TICKET_BYTES, megabytes } from '../../../../functions/attachments/domain/limits.ts';
import { isCancelled, messageOf, refusalOf, secretWarning, uploadFile, type UploadHandle } from '../attachments.ts';

interface Queued {
  key: string;
  file: File;
  warning?: string;
  progress: number;
  state: 'ready' | 'uploading' | 'done' | 'failed';
  error?: string;
  id?: string;
}

let counter = 0;

export interface AttachmentQueue {
  files: Queued[];
  refused: string[];
  add(files: File[]): Promise<void>;
  remove(key: string): void;
  /** Uploads what is not yet uploaded; the ids of every uploaded file. Throws when one failed. */
  uploadAll(ticketId: string, internal: boolean): Promise<string[]>;
  clear(): void;
  busy: boolean;
}

export function useAttachmentQueue(): AttachmentQueue {
  const [files, setFiles] = useState<Queued[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const handles = useRef(new Map<string, UploadHandle>());
  const current = useRef(files);
  current.current = files;
  const update = (key: string, change: Partial<Queued>) => setFiles((list) => list.map((q) => (q.key === key ? { ...q, ...change } : q)));
  return {
    files, refused, busy,
    async add(picked) {
      const refusals = picked.map(refusalOf).filter((r): r is string => Boolean(r));
      setRefused(refusals);
      const accepted = picked.filter((file) => !refusalOf(file));
      const queued = await Promise.all(accepted.map(async (file) => ({ key: `f${++counter}`, file, warning: await secretWarning(file), progress: 0, state: 'ready' as const })));
      setFiles((list) => [...list, ...queued]);
    },
    remove(key) {
      handles.current.get(key)?.cancel();
      setFiles((list) => list.filter((q) => q.key !== key));
    },
    clear() { setFiles([]); setRefused([]); },
    async uploadAll(ticketId, internal) {
      setBusy(true);
      try {
        const results = await Promise.all(current.current.map(async (q) => {
          if (q.state === 'done') return q.id;
          update(q.key, { state: 'uploading', progress: 0, error: undefined });
          const handle = uploadFile(ticketId, q.file, internal, (progress) => update(q.key, { progress }));
          handles.current.set(q.key, handle);
          try {
            const attachment = await handle.done;
            update(q.key, { state: 'done', progress: 1, id: attachment.id });
            return attachment.id;
          } catch (error) {
            if (isCancelled(error)) return undefined;
            update(q.key, { state: 'failed', error: messageOf(error) });
            throw error;
          } finally {
            handles.current.delete(q.key);
          }
        }));
        return results.filter((id): id is string => Boolean(id));
      } finally {
        setBusy(false);
      }
    },
  };
}


export function AttachmentPicker({ id, queue }: { id: string; queue: AttachmentQueue }): VNode {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void queue.add([...(event.dataTransfer?.files ?? [])]);
  };
  return html`<div class=${`attachments-picker${dragging ? ' dragging' : ''}`}
      onDragOver=${(event: DragEvent) => { event.preventDefault(); setDragging(true); }} onDragLeave=${() => setDragging(false)} onDrop=${onDrop}>
    <label for=${id}>${t('Attach files')}</label>
    <input id=${id} type="file" multiple aria-describedby=${`${id}-limits`}
      onChange=${(event: Event) => { const input = event.currentTarget as HTMLInputElement; void queue.add([...(input.files ?? [])]); input.value = ''; }} />
    <p class="hint" id=${`${id}-limits`}>${t('Or drop files here. Up to {file} per file, {count} files and {ticket} per ticket. Logs and text, PNG, JPEG, WebP, PDF, zip and tar.', { file: megabytes(MAX_FILE_BYTES), count: String(MAX_FILES_PER_TICKET), ticket: megabytes(MAX_TICKET_BYTES) })}</p>
    ${queue.refused.map((text) => html`<p class="notice warning" role="alert">${text}</p>`)}
    ${queue.files.length ? html`<ul class="attachment-queue" aria-label=${t('Files to send')}>${queue.files.map((q) => html`<li key=${q.key}>
      <span class="attachment-name">${q.file.name}</span> <span class="muted">${fileSize(q.file.size)}</span>
      ${q.state !== 'ready' ? html`<progress max="1" value=${q.progress} aria-label=${t('Upload of {name}', { name: q.file.name })}>${Math.round(q.progress * 100)} %</progress>` : ''}
      ${q.state === 'done' ? html`<span class="muted">${t('Uploaded')}</span>` : ''}
      ${q.state === 'done' ? '' : html`<button type="button" class="button secondary small" onClick=${() => queue.remove(q.key)}>${t(q.state === 'uploading' ? 'Cancel upload of {name}' : 'Remove {name}', { name: q.file.name })}</button>`}
      ${q.warning ? html`<p class="notice warning" role="alert">${q.warning}</p>` : ''}
      ${q.error ? html`<p class="notice warning" role="alert">${q.error}</p>` : ''}
    </li>`)}</ul>` : ''}
  </div>`;
}

/** The counter under a body, and the offer to move a long paste into a file instead of failing after submit. */
export function BodyLimit({ body, lastPaste, onMove }: { body: string; lastPaste: string | undefined; onMove(body: string, file: File): void }): VNode {
  const counted = bodyCounter(body);
  const move = () => {
    const moved = moveLongPaste(body, lastPaste);
    if (moved) onMove(moved.body, new File([moved.file], PASTED_LOG_NAME, { type: 'text/plain' }));
  };
  return html`<div class="body-limit">
    <p class=${`hint counter${counted.over ? ' over' : ''}`} aria-live="polite">${t('{count} characters', { count: counted.text })}</p>
    ${counted.over ? html`<p class="notice warning">${t('This is longer than a message can be.')}
      <button type="button" onClick=${move}>${t('Move the long text into {file}', { file: PASTED_LOG_NAME })}</button></p>` : ''}
  </div>`;
}
