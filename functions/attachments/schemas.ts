import * as z from 'zod/mini';
import { documented, Id, line } from '../core/schemas.ts';

export const AttachmentParams = z.object({ id: Id, attachmentId: Id });
export const TicketAttachmentsParams = z.object({ id: Id });

export const CreateAttachmentBody = documented(z.strictObject({
  filename: line(1, 200).check(z.refine((name) => !/[\\/]/.test(name), 'A file name, without folders.')),
  size: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  contentType: z.optional(z.string().check(z.maxLength(200), z.regex(/^[\w.+-]+\/[\w.+-]+$/, 'A media type such as text/plain.'))),
  internal: z._default(z.boolean(), false),
}), { id: 'NewAttachment' });
