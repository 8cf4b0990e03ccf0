import * as z from 'zod/mini';
import { BODY_PROBLEMS, IDEMPOTENCY_HEADER, type RouteDoc } from '../core/openapi.ts';
import { FiguresSchema, MeSchema, MessageSchema, TicketListSchema, TicketSchema } from './responses.ts';
import {
  addMessageRoute, createTicketRoute, figuresRoute, getTicketRoute, healthRoute, listTicketsRoute, meRoute, patchTicketRoute, recordDeflectionRoute,
} from './routes.ts';

/** The tickets rows of the OpenAPI document (plus health and /me). */
export const ticketDocs: RouteDoc[] = [
  {
    route: healthRoute, tags: ['service'], public: true,
    responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } }, errors: [],
  },
  {
    route: meRoute, tags: ['identity'],
    responses: { 200: { description: 'The signed-in user', schema: MeSchema } }, errors: ['unauthorized', 'forbidden'],
  },
  {
    route: createTicketRoute, tags: ['tickets'], headers: IDEMPOTENCY_HEADER,
    responses: { 201: { description: 'Created (or the first result of a retried Idempotency-Key)', schema: TicketSchema } },
    errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden', 'idempotency.key-reused'],
  },
  {
    route: listTicketsRoute, tags: ['tickets'],
    responses: { 200: { description: 'Most recent activity first', schema: TicketListSchema } }, errors: ['validation', 'unauthorized'],
  },
  {
    route: getTicketRoute, tags: ['tickets'],
    responses: { 200: { description: 'The ticket with its messages; ETag carries the version', schema: TicketSchema } }, errors: ['validation', 'unauthorized', 'not-found'],
  },
  {
    route: addMessageRoute, tags: ['tickets'], headers: IDEMPOTENCY_HEADER,
    responses: { 201: { description: 'Posted', schema: z.object({ message: MessageSchema, ticket: TicketSchema }) } },
    errors: [...BODY_PROBLEMS, 'unauthorized', 'ticket.internal-note', 'not-found', 'busy', 'ticket.closed', 'idempotency.key-reused', 'attachment.unusable'],
  },
  {
    route: patchTicketRoute, tags: ['tickets'], headers: { 'If-Match': 'The ETag you read (required).' },
    responses: { 200: { description: 'Updated; ETag carries the new version', schema: TicketSchema } },
    errors: [
      ...BODY_PROBLEMS, 'unauthorized', 'ticket.requester-change', 'ticket.assignment', 'not-found', 'stale', 'ticket.transition',
      'ticket.assignee', 'if-match-required',
    ],
  },
  {
    route: recordDeflectionRoute, tags: ['service'],
    description: 'A requester left the new-ticket form after opening a suggested guide; counted once per requester, guide and day.',
    responses: { 201: { description: 'Recorded', schema: z.object({ id: z.string() }) } }, errors: [...BODY_PROBLEMS, 'unauthorized', 'forbidden'],
  },
  {
    route: figuresRoute, tags: ['service'],
    responses: { 200: { description: 'Service figures over the last `days` days', schema: FiguresSchema } }, errors: ['validation', 'unauthorized', 'forbidden'],
  },
];
