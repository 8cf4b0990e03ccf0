/** What the attachments routes answer: documentation and the web app's types, never loaded by the function. */
import * as z from 'zod/mini';
import { documented } from '../core/schemas.ts';
import { KINDS } from './domain/limits.ts';

export const AttachmentSchema = documented(z.object({
  id: z.string(), ticketId: z.string(), uploaderId: z.string(), uploaderName: z.string(), uploaderRole: z.string(),
  filename: z.string(), size: z.number(), internal: z.boolean(), status: z.enum(['pending', 'complete', 'removed']),
  createdAt: z.string(), uploadExpiresAt: z.string(),
  kind: z.optional(z.enum(Object.keys(KINDS) as [keyof typeof KINDS])), contentType: z.optional(z.string()), completedAt: z.optional(z.string()),
  secrets: z.optional(z.array(z.object({ kind: z.string(), line: z.number() }))),
  messageId: z.optional(z.string()), removedAt: z.optional(z.string()), removedById: z.optional(z.string()), removedByName: z.optional(z.string()),
}), { id: 'Attachment' });

export const UploadSchema = documented(z.object({
  id: z.string(),
  upload: z.object({ url: z.string(), method: z.literal('POST'), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.string(),
  attachment: AttachmentSchema,
}), { id: 'AttachmentUpload' });

export const AttachmentListSchema = documented(z.object({ items: z.array(AttachmentSchema) }), { id: 'AttachmentList' });

export const DownloadSchema = documented(z.object({
  ...AttachmentSchema.shape, downloadUrl: z.string(), expiresAt: z.string(), size: z.number(), contentType: z.string(),
}), { id: 'AttachmentDownload' });
