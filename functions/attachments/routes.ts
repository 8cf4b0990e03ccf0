import { defineRoute } from '../core/route.ts';
import { AttachmentParams, CreateAttachmentBody, TicketAttachmentsParams } from './schemas.ts';

export const createAttachmentRoute = defineRoute({ method: 'post', path: '/api/tickets/{id}/attachments', params: TicketAttachmentsParams, body: CreateAttachmentBody });
export const listAttachmentsRoute = defineRoute({ method: 'get', path: '/api/tickets/{id}/attachments', params: TicketAttachmentsParams });
export const getAttachmentRoute = defineRoute({ method: 'get', path: '/api/tickets/{id}/attachments/{attachmentId}', params: AttachmentParams });
export const completeAttachmentRoute = defineRoute({ method: 'post', path: '/api/tickets/{id}/attachments/{attachmentId}/complete', params: AttachmentParams });
export const deleteAttachmentRoute = defineRoute({ method: 'delete', path: '/api/tickets/{id}/attachments/{attachmentId}', params: AttachmentParams });
