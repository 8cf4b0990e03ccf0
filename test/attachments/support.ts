import type { TestStack } from '../support/stack.ts';

/** Announces a file on a ticket through the API; the response as it came. */
export function announce(stack: TestStack, ticketId: string, as: string | undefined, body: Record<string, unknown>): Promise<Response> {
  return stack.call('POST', `/api/tickets/${ticketId}/attachments`, { as, body });
}

/** Sends the bytes as the browser does: the signed form fields, then the file. */
export async function sendBytes(upload: { url: string; fields: Record<string, string> }, bytes: Blob | Uint8Array, filename = 'file'): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  return fetch(upload.url, { method: 'POST', body: form });
}

/** Announces, uploads and completes a file; the completion's response (200 when accepted). */
export async function attach(stack: TestStack, ticketId: string, as: string, filename: string, content: string | Uint8Array, extra: Record<string, unknown> = {}): Promise<{ id: string; complete: Response }> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const created = await announce(stack, ticketId, as, { filename, size: bytes.length, contentType: 'application/octet-stream', ...extra });
  if (created.status !== 201) throw new Error(`not announced: ${created.status} ${await created.text()}`);
  const { id, upload } = await created.json();
  const sent = await sendBytes(upload, bytes, filename);
  if (sent.status !== 204) throw new Error(`not uploaded: ${sent.status} ${await sent.text()}`);
  const complete = await stack.call('POST', `/api/tickets/${ticketId}/attachments/${id}/complete`, { as });
  return { id, complete };
}
