import { z } from '@hono/zod-openapi';
import { SYSTEMS } from '../core/catalog.ts';
import { Id, shortText, text } from '../core/schemas.ts';
import { PRIORITIES, TICKET_CATEGORIES, TICKET_STATUSES } from './domain/model.ts';

export const CreateTicketBody = z.strictObject({
  subject: text(3, 200),
  body: text(1, 20_000).openapi({ description: 'Markdown' }),
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(PRIORITIES).default('normal'),
  system: z.enum(SYSTEMS).optional(),
  projectId: shortText(64).optional(),
  jobId: shortText(64).optional(),
}).openapi('NewTicket');

export const MessageBody = z.strictObject({
  body: text(1, 20_000).openapi({ description: 'Markdown' }),
  internal: z.boolean().default(false),
}).openapi('NewMessage');

export const PatchTicketBody = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  assigneeId: z.union([Id, z.null()]).optional(),
}).refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: 'Name at least one field to change.' })
  .openapi('TicketPatch');

const statusList = z.string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(TICKET_STATUSES)).min(1).max(TICKET_STATUSES.length));

export const ListTicketsQuery = z.object({
  status: statusList.optional().openapi({ description: 'One status or a comma-separated list', example: 'new,open' }),
  assignee: z.union([z.enum(['me', 'unassigned']), Id]).optional(),
  system: z.enum(SYSTEMS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

export const TicketParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const GetTicketQuery = z.object({ include: z.enum(['events']).optional() });

const Sla = z.object({
  firstResponseDue: z.string(), resolutionDue: z.string(), paused: z.boolean(),
  firstResponseBreached: z.boolean(), resolutionBreached: z.boolean(), breached: z.boolean(),
});

const Event = z.object({
  at: z.string(), type: z.string(), actorId: z.string(), actorName: z.string(),
  from: z.string().nullable().optional(), to: z.string().nullable().optional(), messageId: z.string().optional(),
});

export const TicketSummarySchema = z.object({
  id: z.string(), number: z.number(), reference: z.string(), orgId: z.string(),
  requesterId: z.string(), requesterName: z.string(), subject: z.string(),
  category: z.enum(TICKET_CATEGORIES), priority: z.enum(PRIORITIES), system: z.string().optional(),
  projectId: z.string().optional(), jobId: z.string().optional(), status: z.enum(TICKET_STATUSES),
  assigneeId: z.string().nullable().optional(), assigneeName: z.string().nullable().optional(),
  createdAt: z.string(), updatedAt: z.string(), lastActivityAt: z.string(),
  firstResponseAt: z.string().optional(), resolvedAt: z.string().optional(),
  messageCount: z.number(), noteCount: z.number().optional(), version: z.number(), sla: Sla,
}).openapi('TicketSummary');

export const MessageSchema = z.object({
  id: z.string(), ticketId: z.string(), authorId: z.string(), authorName: z.string(),
  authorRole: z.string(), body: z.string(), internal: z.boolean(), createdAt: z.string(),
}).openapi('Message');

export const TicketSchema = TicketSummarySchema.extend({
  body: z.string(),
  messages: z.array(MessageSchema).optional(),
  events: z.array(Event).optional(),
}).openapi('Ticket');

export const TicketListSchema = z.object({
  items: z.array(TicketSummarySchema),
  cursor: z.string().optional(),
}).openapi('TicketList');

export const MeSchema = z.object({
  id: z.string(), email: z.string(), name: z.string(),
  role: z.enum(['requester', 'expert', 'coordinator']), orgId: z.string().optional(),
}).openapi('Me');

export const DeflectionBody = z.strictObject({
  guide: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'A guide slug.'),
  section: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,149}$/, 'A heading anchor.').optional(),
}).openapi('Deflection');

export const FiguresQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

const counts = z.record(z.string(), z.number());
export const FiguresSchema = z.object({
  windowDays: z.number(), from: z.string(), to: z.string(),
  backlog: z.object({ total: z.number(), byStatus: counts, bySystem: counts }),
  firstResponse: z.object({ count: z.number(), medianMinutes: z.number().nullable() }),
  resolution: z.object({ count: z.number(), medianMinutes: z.number().nullable() }),
  slaBreaches: z.object({ openBreached: z.number(), closedInWindowBreached: z.number() }),
  created: z.number(), resolved: z.number(),
  deflections: z.object({ count: z.number(), topGuides: z.array(z.object({ guide: z.string(), count: z.number() })) }),
  createdPerDay: z.array(z.object({ date: z.string(), count: z.number() })),
}).openapi('ServiceFigures');
