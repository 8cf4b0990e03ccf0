import * as z from 'zod/mini';
import { SYSTEMS } from '../core/catalog.ts';
import { Cursor, documented, Id, line, queryInteger, shortText, text } from '../core/schemas.ts';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from './domain/model.ts';

const Markdown = documented(text(1, 20_000), { description: 'Markdown' });

export const CreateTicketBody = documented(z.strictObject({
  subject: line(3, 200),
  body: Markdown,
  category: z.enum(TICKET_CATEGORIES),
  priority: z._default(z.enum(PRIORITIES), 'normal'),
  system: z.optional(z.enum(SYSTEMS)),
  projectId: z.optional(shortText(64)),
  jobId: z.optional(shortText(64)),
}), { id: 'NewTicket' });

export const MessageBody = documented(z.strictObject({
  body: Markdown,
  internal: z._default(z.boolean(), false),
  attachmentIds: z.optional(documented(z.array(Id).check(z.maxLength(20)), { description: 'Completed attachments of this ticket, uploaded by the author, sent with the message' })),
}), { id: 'NewMessage' });

export const PatchTicketBody = documented(z.strictObject({
  status: z.optional(z.enum(TICKET_STATUSES)),
  priority: z.optional(z.enum(PRIORITIES)),
  category: z.optional(z.enum(TICKET_CATEGORIES)),
  assigneeId: z.optional(z.nullable(Id)),
}).check(z.refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Name at least one field to change.')), { id: 'TicketPatch' });

const statusList = z.pipe(
  z.pipe(z.string(), z.transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))),
  z.array(z.enum(TICKET_STATUSES)).check(z.minLength(1), z.maxLength(TICKET_STATUSES.length)),
);

export const ListTicketsQuery = z.object({
  status: z.optional(documented(statusList, { description: 'One status or a comma-separated list', example: 'new,open' })),
  assignee: z.optional(z.union([z.enum(['me', 'unassigned']), Id])),
  system: z.optional(z.enum(SYSTEMS)),
  limit: queryInteger(1, 100, 25),
  cursor: Cursor,
});

export const TicketParams = z.object({ id: Id });

export const GetTicketQuery = z.object({ include: z.optional(z.enum(['events'])) });

export const DeflectionBody = documented(z.strictObject({
  guide: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'A guide slug.')),
  section: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,149}$/, 'A heading anchor.'))),
}), { id: 'Deflection' });

export const FiguresQuery = z.object({ days: queryInteger(1, 365, 30) });
