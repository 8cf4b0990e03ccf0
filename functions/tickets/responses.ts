/**
 * What the tickets routes answer: documentation (the OpenAPI document) and the web app's types, never
 * loaded by the function itself.
 */
import * as z from 'zod/mini';
import { LANGUAGES } from '../core/locale.ts';
import { documented, pageOf } from '../core/schemas.ts';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from './domain/model.ts';

const Sla = z.object({
  firstResponseDue: z.string(), resolutionDue: z.string(), paused: z.boolean(),
  firstResponseBreached: z.boolean(), resolutionBreached: z.boolean(), breached: z.boolean(),
});

const Event = z.object({
  at: z.string(), type: z.string(), actorId: z.string(), actorName: z.string(),
  from: z.optional(z.nullable(z.string())), to: z.optional(z.nullable(z.string())), messageId: z.optional(z.string()),
  reason: z.optional(documented(z.string(), { description: 'On `assigned`: why the ticket went to whom' })),
});

const Assignment = documented(z.object({ reason: z.string(), auto: z.boolean(), at: z.string() }), {
  description: 'How the ticket got its assignee: routing (auto) with its reason, or the person who assigned it',
});

const summaryShape = {
  id: z.string(), number: z.number(), reference: z.string(), orgId: z.string(),
  orgName: z.optional(documented(z.string(), { description: 'The organisation\'s name, when it has one on record' })),
  requesterId: z.string(), requesterName: z.string(), subject: z.string(),
  category: z.enum(TICKET_CATEGORIES), priority: z.enum(PRIORITIES), system: z.optional(z.string()),
  topic: z.optional(z.string()),
  projectId: z.optional(z.string()), jobId: z.optional(z.string()), status: z.enum(TICKET_STATUSES),
  assigneeId: z.optional(z.nullable(z.string())), assigneeName: z.optional(z.nullable(z.string())), assignment: z.optional(Assignment),
  createdAt: z.string(), updatedAt: z.string(), lastActivityAt: z.string(),
  firstResponseAt: z.optional(z.string()), resolvedAt: z.optional(z.string()),
  messageCount: z.number(), noteCount: z.optional(z.number()), version: z.number(), sla: Sla,
};

export const TicketSummarySchema = documented(z.object(summaryShape), { id: 'TicketSummary' });

export const MessageSchema = documented(z.object({
  id: z.string(), ticketId: z.string(), authorId: z.string(), authorName: z.string(),
  authorRole: z.string(), body: z.string(), internal: z.boolean(), createdAt: z.string(),
  attachmentIds: z.optional(z.array(z.string())),
}), { id: 'Message' });

export const TicketSchema = documented(z.object({
  ...summaryShape,
  body: z.string(),
  messages: z.optional(z.array(MessageSchema)),
  events: z.optional(z.array(Event)),
}), { id: 'Ticket' });

export const TicketListSchema = documented(pageOf(TicketSummarySchema), { id: 'TicketList' });

export const MeSchema = documented(z.object({
  id: z.string(), email: z.string(), name: z.string(),
  role: z.enum(['requester', 'expert', 'coordinator']), orgId: z.optional(z.string()),
  /** The organisation's name, when it has one on record. */
  orgName: z.optional(z.string()),
  /** The language of the web app and of mails (chosen, the organisation's, or English); always answered, optional for sessions stored before it existed. */
  language: z.optional(z.enum(LANGUAGES)),
  /** The time zone chosen for mails; absent until the person (or the web app, from the browser) sets one. */
  timeZone: z.optional(z.string()),
}), { id: 'Me' });

const counts = z.record(z.string(), z.number());
const median = z.object({ count: z.number(), medianMinutes: z.nullable(z.number()) });
export const FiguresSchema = documented(z.object({
  windowDays: z.number(), from: z.string(), to: z.string(),
  backlog: z.object({ total: z.number(), byStatus: counts, bySystem: counts }),
  firstResponse: median,
  resolution: median,
  slaBreaches: z.object({ openBreached: z.number(), closedInWindowBreached: z.number() }),
  created: z.number(), resolved: z.number(),
  deflections: z.object({ count: z.number(), topGuides: z.array(z.object({ guide: z.string(), count: z.number() })) }),
  createdPerDay: z.array(z.object({ date: z.string(), count: z.number() })),
}), { id: 'ServiceFigures' });
