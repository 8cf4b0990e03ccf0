import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { isStaff, type Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { violation } from '../core/violation.ts';
import { assertMayPost } from '../tickets/domain/state.ts';
import { blobKey, type BlobStorage, type UploadTarget } from './blob-storage.ts';
import type { Attachment } from './domain/model.ts';
import { CONTENT_TYPES, MAX_FILES_PER_TICKET, megabytes, MAX_TICKET_BYTES, refusalOfDeclared } from './domain/limits.ts';
import { findSecrets } from './domain/secrets.ts';
import { sniff, SNIFF_BYTES } from './domain/sniff.ts';
import type { AttachmentStore, TicketFacts } from './store.ts';

export interface AttachmentDeps {
  store: AttachmentStore;
  blobs: BlobStorage;
  clock: Clock;
}

/** How long an upload link works; a pending attachment is dropped after it. */
export const UPLOAD_WINDOW_MS = 15 * 60_000;
/** How long a download link works. */
export const DOWNLOAD_WINDOW_MS = 5 * 60_000;
/** How much of a text file the server reads for secrets when it completes (the browser checked the whole file). */
export const SECRET_SCAN_BYTES = 2 * 1024 * 1024;
/** Pending items leave the table by TTL a day after their link expired (S3's lifecycle rule drops the bytes). */
const PENDING_TTL_MS = 24 * 3600_000;

export interface NewAttachment {
  filename: string;
  size: number;
  contentType?: string;
  internal: boolean;
}

/** What a caller sees of an attachment: staff also see the secret findings. */
export function attachmentView(attachment: Attachment, principal: Principal) {
  const { orgId: _org, secrets, ...rest } = attachment;
  return { ...rest, ...(isStaff(principal) ? { secrets: secrets ?? [] } : {}) };
}

export function attachmentService({ store, blobs, clock }: AttachmentDeps) {
  /** The ticket, if the caller may see it; another organisation's is "not found". */
  async function visibleTicket(principal: Principal, ticketId: string): Promise<TicketFacts> {
    const ticket = await store.ticket(ticketId);
    if (!ticket || (!isStaff(principal) && ticket.orgId !== principal.orgId)) throw problems.notFound(`No ticket ${ticketId}.`);
    return ticket;
  }

  /** Pending attachments nobody may see but their uploader; internal ones only staff. */
  const mayList = (principal: Principal, a: Attachment) => (isStaff(principal) || !a.internal) && a.status !== 'pending';

  async function visibleAttachment(principal: Principal, ticketId: string, id: string): Promise<Attachment> {
    await visibleTicket(principal, ticketId);
    const attachment = await store.get(ticketId, id);
    if (!attachment || !(mayList(principal, attachment) || (attachment.status === 'pending' && attachment.uploaderId === principal.id))) {
      throw problems.notFound(`No attachment ${id} on this ticket.`);
    }
    return attachment;
  }

  /** Frees the slots of uploads whose link expired unused; true when any was freed. */
  async function reclaimExpired(ticketId: string, now: Date): Promise<boolean> {
    let freed = false;
    for (const stale of (await store.list(ticketId)).filter((a) => a.status === 'pending' && a.uploadExpiresAt < now.toISOString())) {
      if (await store.dropPending(ticketId, stale.id, now.toISOString())) {
        await store.release(ticketId, stale.size);
        await blobs.remove(blobKey(ticketId, stale.id));
        freed = true;
      }
    }
    return freed;
  }

  async function refuse(attachment: Attachment, reason: string): Promise<never> {
    if (await store.dropPending(attachment.ticketId, attachment.id)) await store.release(attachment.ticketId, attachment.size);
    await blobs.remove(blobKey(attachment.ticketId, attachment.id));
    throw violation('attachment.refused', reason, { field: 'file' });
  }

  async function create(principal: Principal, ticketId: string, input: NewAttachment): Promise<{ attachment: Attachment; upload: UploadTarget }> {
    if (input.internal && !isStaff(principal)) throw violation('ticket.internal-note', 'Only experts and coordinators attach files to internal notes.');
    const ticket = await visibleTicket(principal, ticketId);
    assertMayPost(ticket.status, principal.role);
    const refusal = refusalOfDeclared(input.filename, input.size);
    if (refusal) throw problems.invalid([refusal]);
    const now = clock.now();
    if (!(await store.reserve(ticketId, input.size)) && !((await reclaimExpired(ticketId, now)) && (await store.reserve(ticketId, input.size)))) {
      throw violation('attachment.limit', `A ticket holds at most ${MAX_FILES_PER_TICKET} files and ${megabytes(MAX_TICKET_BYTES)}; this one would pass that. Remove an attachment or share the file another way.`, { field: 'size' });
    }
    const expiresAt = new Date(now.getTime() + UPLOAD_WINDOW_MS);
    const attachment: Attachment = {
      id: newId(), ticketId, orgId: ticket.orgId,
      uploaderId: principal.id, uploaderName: principal.name, uploaderRole: principal.role,
      filename: input.filename, size: input.size, internal: input.internal, status: 'pending',
      createdAt: now.toISOString(), uploadExpiresAt: expiresAt.toISOString(),
    };
    await store.create(attachment, Math.ceil((expiresAt.getTime() + PENDING_TTL_MS) / 1000));
    // The browser's word on the type only decides the upload's header; the content decides what is served.
    const upload = await blobs.uploadTarget(blobKey(ticketId, attachment.id), { contentType: input.contentType || 'application/octet-stream', size: input.size, expiresAt }, now);
    return { attachment, upload };
  }

  async function complete(principal: Principal, ticketId: string, id: string): Promise<Attachment> {
    const attachment = await visibleAttachment(principal, ticketId, id);
    if (attachment.uploaderId !== principal.id) throw problems.notFound(`No attachment ${id} on this ticket.`);
    if (attachment.status !== 'pending') return attachment;
    const key = blobKey(ticketId, id);
    const size = await blobs.size(key);
    if (size === undefined) throw violation('attachment.not-uploaded', 'The file has not arrived yet; upload it, then complete it.', { field: 'file' });
    if (size !== attachment.size) return refuse(attachment, `The file has ${size} bytes, not the ${attachment.size} announced.`);
    const head = await blobs.read(key, 0, Math.min(size, SNIFF_BYTES) - 1);
    const tail = size > 4 ? await blobs.read(key, size - 4, size - 1) : undefined;
    const sniffed = sniff(attachment.filename, head, size, tail);
    if (!sniffed.ok) return refuse(attachment, sniffed.reason);
    const scanned = sniffed.kind === 'text' ? (size <= head.length ? head : await blobs.read(key, 0, Math.min(size, SECRET_SCAN_BYTES) - 1)) : undefined;
    const found = {
      kind: sniffed.kind, contentType: CONTENT_TYPES[sniffed.kind], completedAt: clock.now().toISOString(),
      secrets: scanned ? findSecrets(new TextDecoder().decode(scanned)) : [],
    };
    await blobs.keep(key);
    if (!(await store.complete(ticketId, id, found))) return (await store.get(ticketId, id)) ?? attachment;
    return { ...attachment, ...found, status: 'complete' };
  }

  return {
    create,
    complete,

    /**
     * A file the server received itself (sent by e-mail, functions/inbound-mail): announced, limited, stored and
     * checked exactly as an upload is (create, then complete), only the bytes come from the server, not a browser.
     * A refusal is the same violation or problem an upload gets.
     */
    async receive(principal: Principal, ticketId: string, file: { filename: string; bytes: Uint8Array; contentType?: string; internal: boolean }): Promise<Attachment> {
      const { attachment } = await create(principal, ticketId, { filename: file.filename, size: file.bytes.length, contentType: file.contentType, internal: file.internal });
      await blobs.write(blobKey(ticketId, attachment.id), file.bytes, file.contentType || 'application/octet-stream');
      return complete(principal, ticketId, attachment.id);
    },

    async list(principal: Principal, ticketId: string): Promise<Attachment[]> {
      await visibleTicket(principal, ticketId);
      return (await store.list(ticketId)).filter((a) => mayList(principal, a));
    },

    async download(principal: Principal, ticketId: string, id: string): Promise<{ attachment: Attachment; downloadUrl: string; expiresAt: string }> {
      const attachment = await visibleAttachment(principal, ticketId, id);
      if (attachment.status !== 'complete') throw problems.notFound(attachment.status === 'removed' ? 'This attachment was removed.' : 'This attachment is not complete yet.');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + DOWNLOAD_WINDOW_MS);
      const downloadUrl = await blobs.downloadUrl(blobKey(ticketId, id), { filename: attachment.filename, contentType: attachment.contentType!, expiresAt }, now);
      return { attachment, downloadUrl, expiresAt: expiresAt.toISOString() };
    },

    /** The uploader while the ticket is not closed, staff any time; the line stays in the history as "removed". */
    async remove(principal: Principal, ticketId: string, id: string): Promise<Attachment> {
      const ticket = await visibleTicket(principal, ticketId);
      const attachment = await visibleAttachment(principal, ticketId, id);
      if (!isStaff(principal)) {
        if (attachment.uploaderId !== principal.id) throw violation('attachment.removal', 'Only the person who attached a file, or the support staff, may remove it.');
        if (ticket.status === 'closed') throw violation('attachment.removal', 'This ticket is closed; ask the support staff to remove the file.');
      }
      if (attachment.status === 'removed') return attachment;
      if (attachment.status === 'pending') {
        if (await store.dropPending(ticketId, id)) await store.release(ticketId, attachment.size);
        await blobs.remove(blobKey(ticketId, id));
        return { ...attachment, status: 'removed' };
      }
      const at = clock.now().toISOString();
      if (await store.markRemoved(ticketId, id, principal, at)) {
        await store.release(ticketId, attachment.size);
        await blobs.remove(blobKey(ticketId, id));
      }
      return { ...attachment, status: 'removed', removedAt: at, removedById: principal.id, removedByName: principal.name };
    },
  };
}
