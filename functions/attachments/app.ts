import { signedIn, type ApiApp } from '../core/http.ts';
import type { IdentityVerifier } from '../core/identity.ts';
import { mount } from '../core/route.ts';
import {
  completeAttachmentRoute, createAttachmentRoute, deleteAttachmentRoute, getAttachmentRoute, listAttachmentsRoute,
} from './routes.ts';
import { attachmentService, attachmentView, type AttachmentDeps } from './service.ts';

export interface AttachmentsAppDeps extends AttachmentDeps {
  verifier: IdentityVerifier;
}

/** The attachments rows of the API contract; the bytes never pass through here, only signed links. */
export function registerAttachmentRoutes(app: ApiApp, deps: AttachmentsAppDeps): ApiApp {
  const attachments = attachmentService(deps);
  const auth = signedIn(deps.verifier);

  mount(app, createAttachmentRoute, [auth], async (c) => {
    const id = await attachments.ticketIdOf(c.req.valid('param').id);
    const { attachment, upload } = await attachments.create(c.var.principal, id, c.req.valid('json'));
    c.header('Location', `/api/tickets/${id}/attachments/${attachment.id}`);
    return c.json({ id: attachment.id, upload, expiresAt: attachment.uploadExpiresAt, attachment: attachmentView(attachment, c.var.principal) }, 201);
  });

  mount(app, completeAttachmentRoute, [auth], async (c) => {
    const { attachmentId } = c.req.valid('param');
    const id = await attachments.ticketIdOf(c.req.valid('param').id);
    return c.json(attachmentView(await attachments.complete(c.var.principal, id, attachmentId), c.var.principal), 200);
  });

  mount(app, listAttachmentsRoute, [auth], async (c) => {
    const items = await attachments.list(c.var.principal, await attachments.ticketIdOf(c.req.valid('param').id));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ items: items.map((a) => attachmentView(a, c.var.principal)) }, 200);
  });

  mount(app, getAttachmentRoute, [auth], async (c) => {
    const { attachmentId } = c.req.valid('param');
    const id = await attachments.ticketIdOf(c.req.valid('param').id);
    const { attachment, downloadUrl, expiresAt } = await attachments.download(c.var.principal, id, attachmentId);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...attachmentView(attachment, c.var.principal), downloadUrl, expiresAt, size: attachment.size, contentType: attachment.contentType! }, 200);
  });

  mount(app, deleteAttachmentRoute, [auth], async (c) => {
    const { attachmentId } = c.req.valid('param');
    const id = await attachments.ticketIdOf(c.req.valid('param').id);
    return c.json(attachmentView(await attachments.remove(c.var.principal, id, attachmentId), c.var.principal), 200);
  });

  return app;
}
