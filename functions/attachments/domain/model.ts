import type { Role } from '../../core/principal.ts';
import type { Kind } from './limits.ts';
import type { SecretFinding } from './secrets.ts';

/** `pending` until the upload is completed and checked; `removed` keeps the line in the ticket's history. */
export type AttachmentStatus = 'pending' | 'complete' | 'removed';

export interface Attachment {
  id: string;
  ticketId: string;
  orgId: string;
  uploaderId: string;
  uploaderName: string;
  uploaderRole: Role;
  filename: string;
  /** Bytes, as announced and then checked against the stored object. */
  size: number;
  /** Attached to an internal note: never shown to requesters. */
  internal: boolean;
  status: AttachmentStatus;
  createdAt: string;
  /** Until when the upload link works; a pending attachment past it is dropped. */
  uploadExpiresAt: string;
  /** Decided from the content when completed. */
  kind?: Kind;
  contentType?: string;
  completedAt?: string;
  /** What looked like secrets when completed (shown to staff only). */
  secrets?: SecretFinding[];
  /** The message that carries it, once one does. */
  messageId?: string;
  removedAt?: string;
  removedById?: string;
  removedByName?: string;
}
