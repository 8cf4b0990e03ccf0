import { BODY_PROBLEMS, type RouteDoc } from '../core/openapi.ts';
import { AttachmentListSchema, AttachmentSchema, DownloadSchema, UploadSchema } from './responses.ts';
import { completeAttachmentRoute, createAttachmentRoute, deleteAttachmentRoute, getAttachmentRoute, listAttachmentsRoute } from './routes.ts';

/** The attachments rows of the OpenAPI document. */
export const attachmentDocs: RouteDoc[] = [
  {
    route: createAttachmentRoute, tags: ['attachments'],
    description: 'Announces a file (name and exact size) and answers a signed POST upload (send `fields`, then the file as `file`); the attachment stays pending until completed.',
    responses: { 201: { description: 'Upload link, valid until expiresAt', schema: UploadSchema } },
    errors: [...BODY_PROBLEMS, 'unauthorized', 'not-found', 'ticket.internal-note', 'ticket.closed', 'attachment.limit'],
  },
  {
    route: completeAttachmentRoute, tags: ['attachments'],
    description: 'Checks the stored file (size, kind from its content, secrets) and makes it visible; a refused file is deleted.',
    responses: { 200: { description: 'Complete', schema: AttachmentSchema } },
    errors: ['validation', 'unauthorized', 'not-found', 'attachment.not-uploaded', 'attachment.expired', 'attachment.refused'],
  },
  {
    route: listAttachmentsRoute, tags: ['attachments'],
    responses: { 200: { description: 'The ticket\'s attachments the caller may see, removed ones included', schema: AttachmentListSchema } },
    errors: ['validation', 'unauthorized', 'not-found'],
  },
  {
    route: getAttachmentRoute, tags: ['attachments'],
    description: 'A short-lived download link; the file is always served as an attachment with nosniff.',
    responses: { 200: { description: 'Download link', schema: DownloadSchema } },
    errors: ['validation', 'unauthorized', 'not-found'],
  },
  {
    route: deleteAttachmentRoute, tags: ['attachments'],
    responses: { 200: { description: 'Removed (kept in the history as removed)', schema: AttachmentSchema } },
    errors: ['validation', 'unauthorized', 'not-found', 'attachment.removal', 'busy'],
  },
];
