import type { Attachment } from './model.ts';

/**
 * A ticket's slots (20 files, 250 MB) are held by reservations kept on the ticket's counter item, beside the
 * totals they add to, so one conditional write on that one item takes or gives back a slot and its ledger line
 * together (DynamoDB has no transactions in dynalite; none are needed). A reservation is pending (it has
 * `until`) from the announcement until the upload is completed, when the complete attachment holds it (`until`
 * removed); it is given back when the file is refused, removed, or abandoned. Pure rules: the service applies
 * them, the store's conditions make each give-back happen at most once.
 */
export interface Reservation {
  id: string;
  size: number;
  /** While pending: after this the upload is abandoned and its slot may be reclaimed. Absent once held. */
  until?: string;
}

/**
 * How long after its upload link expired a pending upload may still be completed: an upload started in time may
 * still be arriving. Past it the reservation may be reclaimed, and completion is refused.
 */
export const COMPLETION_GRACE_MS = 15 * 60_000;

/** The last moment a pending attachment may be completed (also its reservation's `until`). */
export const completionDeadline = (uploadExpiresAt: string): string => new Date(new Date(uploadExpiresAt).getTime() + COMPLETION_GRACE_MS).toISOString();

export type ReclaimStep =
  /** A pending reservation past its deadline: give it back (only if still pending), then drop the item and bytes. */
  | { step: 'release-abandoned'; reservation: Reservation }
  /** Held, but its attachment is gone (removed, or deleted by TTL): a removal that stopped half-way. */
  | { step: 'release-held'; reservation: Reservation }
  /** Held by an attachment still pending past its deadline: a completion that stopped half-way; drop it, then give back. */
  | { step: 'drop-then-release-held'; reservation: Reservation }
  /** A pending attachment past its deadline with no reservation (given back, its item not yet dropped). */
  | { step: 'drop'; attachmentId: string };

/**
 * What to reclaim on a ticket whose slots are full. `reservations` must be read before `attachments`: then an
 * attachment missing from the later read is really gone (a held reservation's attachment is never created after
 * it), and a pending attachment past its deadline had its reservation long before the first read.
 */
export function reclaimSteps(reservations: readonly Reservation[], attachments: readonly Attachment[], now: Date): ReclaimStep[] {
  const at = now.toISOString();
  const byId = new Map(attachments.map((a) => [a.id, a]));
  const overdue = (a: Attachment) => a.status === 'pending' && completionDeadline(a.uploadExpiresAt) < at;
  const steps: ReclaimStep[] = [];
  for (const reservation of reservations) {
    const attachment = byId.get(reservation.id);
    if (reservation.until !== undefined) {
      if (reservation.until < at) steps.push({ step: 'release-abandoned', reservation });
    } else if (!attachment || attachment.status === 'removed') {
      steps.push({ step: 'release-held', reservation });
    } else if (overdue(attachment)) {
      steps.push({ step: 'drop-then-release-held', reservation });
    }
  }
  const reserved = new Set(reservations.map((r) => r.id));
  for (const attachment of attachments) {
    if (overdue(attachment) && !reserved.has(attachment.id)) steps.push({ step: 'drop', attachmentId: attachment.id });
  }
  return steps;
}
