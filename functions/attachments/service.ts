import type { Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { isStaff, type Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { violation } from '../core/violation.ts';
import { numberOfReference } from '../tickets/domain/model.ts';
import { assertMayPost } from '../tickets/domain/state.ts';
import { blobKey, type BlobStorage, type UploadedFile, type UploadTarget } from './blob-storage.ts';
import type { Attachment } from './domain/model.ts';
import { CONTENT_TYPES, MAX_FILES_PER_TICKET, megabytes, MAX_TICKET_BYTES, refusalOfDeclared } from './domain/limits.ts';
import { findSecrets } from './domain/secrets.ts';
import { COMPLETION_GRACE_MS, completionDeadline, reclaimSteps } from './domain/slots.ts';
import { sniff, SNIFF_BYTES } from './domain/sniff.ts';
import type { AttachmentStore, TicketFacts } from './store.ts';

export interface AttachmentDeps {
  store: AttachmentStore;
  blobs: BlobStorage;
  clock: Clock;
}

/** How long an upload link works; a pending attachment may be completed until COMPLETION_GRACE_MS after it. */
export const UPLOAD_WINDOW_MS = 15 * 60_000;
/** How long a download link works. */
export const DOWNLOAD_WINDOW_MS = 5 * 60_000;
/** How much of a text file the server reads for secrets when it completes (the browser checked the whole file). */
export const SECRET_SCAN_BYTES = 2 * 1024 * 1024;
/**
 * Pending items leave the table by TTL a day after their link expired (S3's lifecycle rule drops the bytes);
 * their slots come back by reclaim (domain/slots.ts), whether TTL deleted the item or not.
 */
const PENDING_TTL_MS = 24 * 3600_000;

const REPLACED = 'The file was replaced while it was being checked; attach it again.';

/** What the complete step finds in a file. */
type Found = Pick<Attachment, 'kind' | 'contentType' | 'completedAt' | 'secrets'>;

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
  /**
   * A ticket's id from what a path names: its id, or its reference (`HD-1005`, `hd-1005`, `1005`), which works
   * wherever an id does. An unknown reference stays as it was, so it is "not found" like an unknown id.
   */
  async function ticketIdOf(idOrReference: string): Promise<string> {
    const number = numberOfReference(idOrReference);
    return (number !== undefined && (await store.ticketIdOfNumber(number))) || idOrReference;
  }

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

  /**
   * Gives back the slots of abandoned uploads (never completed by their deadline, whether their item is still
   * there or TTL deleted it) and of removals or completions that stopped half-way: domain/slots.ts. Runs when a
   * ticket's slots are full; the store's conditions make racing reclaims give each slot back once.
   */
  async function reclaim(ticketId: string, now: Date): Promise<void> {
    const reservations = await store.reservations(ticketId);
    const steps = reclaimSteps(reservations, await store.list(ticketId), now);
    const overdueBefore = new Date(now.getTime() - COMPLETION_GRACE_MS).toISOString();
    for (const step of steps) {
      if (step.step === 'release-abandoned') {
        if (await store.release(ticketId, step.reservation, 'pending', now.toISOString())) await forget(ticketId, step.reservation.id);
      } else if (step.step === 'release-held') {
        // Its file is removed or gone for good: the bytes go too (a removal may have stopped before them).
        await store.release(ticketId, step.reservation, 'held');
        await blobs.remove(blobKey(ticketId, step.reservation.id));
      } else if (step.step === 'drop-then-release-held') {
        if (await store.dropPending(ticketId, step.reservation.id, overdueBefore)) {
          await blobs.remove(blobKey(ticketId, step.reservation.id));
          await store.release(ticketId, step.reservation, 'held');
        }
      } else {
        await forget(ticketId, step.attachmentId, overdueBefore);
      }
    }
  }

  /** Drops a pending attachment whose reservation is gone, and its bytes. */
  async function forget(ticketId: string, id: string, expiredBefore?: string): Promise<void> {
    await store.dropPending(ticketId, id, expiredBefore);
    await blobs.remove(blobKey(ticketId, id));
  }

  /** Gives back a pending attachment's slot and drops it; false when a completion holds the slot meanwhile. */
  async function abandon(attachment: Attachment): Promise<boolean> {
    const released = await store.release(attachment.ticketId, attachment, 'pending')
      || !(await store.reservations(attachment.ticketId)).some((r) => r.id === attachment.id);
    if (!released) return false;
    await forget(attachment.ticketId, attachment.id);
    return true;
  }

  async function refuse(attachment: Attachment, reason: string): Promise<never> {
    await abandon(attachment);
    throw violation('attachment.refused', reason, { field: 'file' });
  }

  /**
   * The uploaded file as it was when first seen (`version`: a replacement meanwhile is refused): its kind from
   * the content, and what looks like secrets in a text file; or why it is refused.
   */
  async function inspect(attachment: Attachment, key: string, { size, version }: UploadedFile): Promise<{ found: Found } | { refused: string }> {
    if (size !== attachment.size) return { refused: `The file has ${size} bytes, not the ${attachment.size} announced.` };
    const read = (start: number, end: number) => blobs.readUploaded(key, version, start, end);
    const head = await read(0, Math.min(size, SNIFF_BYTES) - 1);
    const tail = size > 4 ? await read(size - 4, size - 1) : undefined;
    if (!head || (size > 4 && !tail)) return { refused: REPLACED };
    const sniffed = sniff(attachment.filename, head, size, tail);
    if (!sniffed.ok) return { refused: sniffed.reason };
    const scanned = sniffed.kind !== 'text' ? new Uint8Array() : size <= head.length ? head : await read(0, Math.min(size, SECRET_SCAN_BYTES) - 1);
    if (!scanned) return { refused: REPLACED };
    return {
      found: {
        kind: sniffed.kind, contentType: CONTENT_TYPES[sniffed.kind], completedAt: clock.now().toISOString(),
        secrets: sniffed.kind === 'text' ? findSecrets(new TextDecoder().decode(scanned)) : [],
      },
    };
  }

  const expired = () => violation('attachment.expired', 'The upload link expired before the file was completed; attach the file again.', { field: 'file' });

  async function create(principal: Principal, ticketId: string, input: NewAttachment): Promise<{ attachment: Attachment; upload: UploadTarget }> {
    if (input.internal && !isStaff(principal)) throw violation('ticket.internal-note', 'Only experts and coordinators attach files to internal notes.');
    const ticket = await visibleTicket(principal, ticketId);
    assertMayPost(ticket.status, principal.role);
    const refusal = refusalOfDeclared(input.filename, input.size);
    if (refusal) throw problems.invalid([refusal]);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + UPLOAD_WINDOW_MS);
    const id = newId();
    const reservation = { id, size: input.size, until: completionDeadline(expiresAt.toISOString()) };
    if (!(await store.reserve(ticketId, reservation)) && !(await reclaim(ticketId, now), await store.reserve(ticketId, reservation))) {
      throw violation('attachment.limit', `A ticket holds at most ${MAX_FILES_PER_TICKET} files and ${megabytes(MAX_TICKET_BYTES)}; this one would pass that. Remove an attachment or share the file another way.`, { field: 'size' });
    }
    const attachment: Attachment = {
      id, ticketId, orgId: ticket.orgId,
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
    if (completionDeadline(attachment.uploadExpiresAt) < clock.now().toISOString()) {
      await abandon(attachment);
      throw expired();
    }
    const key = blobKey(ticketId, id);
    const uploaded = await blobs.uploaded(key);
    if (!uploaded) throw violation('attachment.not-uploaded', 'The file has not arrived yet; upload it, then complete it.', { field: 'file' });
    const inspected = await inspect(attachment, key, uploaded);
    if ('refused' in inspected) return refuse(attachment, inspected.refused);
    const { found } = inspected;
    // Exactly the bytes checked become the file served.
    if (!(await blobs.keep(key, uploaded.version))) return refuse(attachment, REPLACED);
    // Then the slot: from here on no reclaim gives it back (and a reclaim that came first makes this fail).
    if (!(await store.hold(ticketId, id))) {
      await forget(ticketId, id);
      throw expired();
    }
    if (!(await store.complete(ticketId, id, found))) {
      const now = await store.get(ticketId, id);
      if (now?.status === 'complete') return now;
      // Dropped by a reclaim after the deadline: the slot it holds goes back now (or at the next reclaim).
      if (!now) await store.release(ticketId, attachment, 'held');
      throw expired();
    }
    return { ...attachment, ...found, status: 'complete' };
  }

  return {
    create,
    complete,
    ticketIdOf,

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
      // A removal that stopped half-way is finished by the same request sent again (both steps are idempotent).
      if (attachment.status === 'removed') {
        await store.release(ticketId, attachment, 'held');
        await blobs.remove(blobKey(ticketId, id));
        return attachment;
      }
      if (attachment.status === 'pending') {
        if (await abandon(attachment)) return { ...attachment, status: 'removed' };
        throw violation('busy', 'The file is being completed right now; send the same request again.');
      }
      const at = clock.now().toISOString();
      if (await store.markRemoved(ticketId, id, principal, at)) {
        await store.release(ticketId, attachment, 'held');
        await blobs.remove(blobKey(ticketId, id));
      }
      return { ...attachment, status: 'removed', removedAt: at, removedById: principal.id, removedByName: principal.name };
    },
  };
}
