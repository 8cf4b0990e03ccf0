// Attachments in the browser: checks before upload (limits, allowed names, secrets in text files), the upload
// itself (announce, signed POST straight to the storage with XHR progress, complete) and cancelling it.
import { kindOfName, LIMITS_SENTENCE, refusalOfDeclared } from '../../../functions/attachments/domain/limits.ts';
import { describeSecrets, findSecrets } from '../../../functions/attachments/domain/secrets.ts';
import { api, ApiError, request } from './api/client.ts';
import type { Attachment, AttachmentUpload } from './api/types.ts';

export { LIMITS_SENTENCE };

/** Why a picked file cannot be sent at all (the API's own rule, checked before anything is sent), or undefined. */
export function refusalOf(file: { name: string; size: number }): string | undefined {
  const refusal = refusalOfDeclared(file.name, file.size);
  return refusal && `${file.name}: ${refusal.message}`;
}

/** A warning when a text file seems to hold secrets (read in the browser, before anything is sent). */
export async function secretWarning(file: File): Promise<string | undefined> {
  if (kindOfName(file.name) !== 'text') return undefined;
  const findings = findSecrets(await file.text());
  return findings.length ? `${file.name} seems to contain ${describeSecrets(findings)}. Remove secrets before sending, or cancel this file.` : undefined;
}

export interface UploadHandle {
  /** Resolves with the completed attachment. */
  done: Promise<Attachment>;
  cancel(): void;
}

/** Uploads one file to a ticket; `onProgress` gets the fraction sent (0..1). */
export function uploadFile(ticketId: string, file: File, internal: boolean, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  let cancelled = false;
  let attachmentId: string | undefined;
  const base = `/tickets/${encodeURIComponent(ticketId)}/attachments`;
  const done = (async () => {
    const created = await api.post<AttachmentUpload>(base, { filename: file.name, size: file.size, contentType: file.type || 'application/octet-stream', internal });
    attachmentId = created.id;
    if (cancelled) throw new DOMException('Cancelled', 'AbortError');
    const form = new FormData();
    for (const [name, value] of Object.entries(created.upload.fields)) form.append(name, value);
    form.append('file', file);
    await new Promise<void>((resolve, reject) => {
      xhr.upload.onprogress = (event) => { if (event.lengthComputable) onProgress(event.loaded / event.total); };
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`The upload of ${file.name} failed (${xhr.status}).`)));
      xhr.onerror = () => reject(new Error(`The upload of ${file.name} failed: check your connection.`));
      xhr.onabort = () => reject(new DOMException('Cancelled', 'AbortError'));
      xhr.open(created.upload.method, created.upload.url);
      xhr.send(form);
    });
    onProgress(1);
    return api.post<Attachment>(`${base}/${created.id}/complete`, {});
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      xhr.abort();
      // The announced slot is given back at once rather than when its link expires.
      if (attachmentId) void request('DELETE', `${base}/${attachmentId}`).catch(() => {});
    },
  };
}

export const isCancelled = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';
export const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : String(error));
