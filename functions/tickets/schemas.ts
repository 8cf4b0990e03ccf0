import * as z from 'zod/mini';
import { SYSTEMS } from '../core/catalog.ts';
import { Cursor, documented, GuideSlug, Id, line, queryInteger, shortText, text } from '../core/schemas.ts';
import { TOPIC_IDS } from '../core/topics.ts';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from './domain/model.ts';

const Markdown = documented(text(1, 20_000), { description: 'Markdown' });

export const CreateTicketBody = documented(z.strictObject({
  subject: line(3, 200),
  body: Markdown,
  category: z.enum(TICKET_CATEGORIES),
  priority: z._default(z.enum(PRIORITIES), 'normal'),
  system: z.optional(z.enum(SYSTEMS)),
  topic: z.optional(documented(z.enum(TOPIC_IDS), { description: 'A knowledge-base topic; routing prefers experts of it' })),
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

/** One value or a comma-separated list of them, each one of `values`. */
function listOf<const T extends readonly [string, ...string[]]>(values: T, example: string) {
  return documented(z.pipe(
    z.pipe(z.string(), z.transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))),
    z.array(z.enum(values)).check(z.minLength(1), z.maxLength(values.length)),
  ), { description: 'One value or a comma-separated list', example });
}

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date such as 2027-01-15.'), z.refine((value) => !Number.isNaN(Date.parse(value)), 'Not a date.'));

export const ListTicketsQuery = z.object({
  status: z.optional(listOf(TICKET_STATUSES, 'new,open')),
  priority: z.optional(listOf(PRIORITIES, 'high,urgent')),
  category: z.optional(listOf(TICKET_CATEGORIES, 'jobs-and-scheduling')),
  assignee: z.optional(z.union([z.enum(['me', 'unassigned']), Id])),
  requester: z.optional(z.union([z.literal('me'), Id])),
  system: z.optional(z.enum(SYSTEMS)),
  createdFrom: z.optional(documented(IsoDate, { description: 'Created on or after this day (UTC)' })),
  createdTo: z.optional(documented(IsoDate, { description: 'Created on or before this day (UTC)' })),
  q: z.optional(documented(z.string().check(z.maxLength(200)), { description: 'A reference (HD-1005, 1005) or words of the subject' })),
  scope: z.optional(documented(z.enum(['mine', 'org']), { description: "Requesters: only their own tickets, or their organisation's (default)" })),
  sort: z.optional(documented(z.enum(['activity', 'due', 'created']), { description: 'activity (default: latest first, paged); due (soonest first) and created (newest first) sort the first 500 matches, one page' })),
  limit: queryInteger(1, 100, 25),
  cursor: Cursor,
});

/** A ticket id, or its reference in any form (HD-1005, hd-1005, 1005). */
export const TicketParams = z.object({ id: Id });

export const GetTicketQuery = z.object({ include: z.optional(z.enum(['events'])) });

export const DeflectionBody = documented(z.strictObject({
  guide: GuideSlug,
  section: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,149}$/, 'A heading anchor.'))),
}), { id: 'Deflection' });

export const FiguresQuery = z.object({ days: queryInteger(1, 365, 30) });
