import * as z from 'zod/mini';
import { defineRoute, IDEMPOTENCY_HEADER } from '../core/route.ts';
import {
  CreateTicketBody, DeflectionBody, FiguresQuery, FiguresSchema, GetTicketQuery, ListTicketsQuery, MeSchema, MessageBody, MessageSchema, PatchTicketBody,
  TicketListSchema, TicketParams, TicketSchema,
} from './schemas.ts';

const IF_MATCH_HEADER = { 'If-Match': 'The ETag you read (required).' };

export const healthRoute = defineRoute({
  method: 'get', path: '/api/health', tags: ['service'], public: true,
  responses: { 200: { description: 'Alive', schema: z.object({ status: z.literal('ok') }) } }, errors: [],
});

export const meRoute = defineRoute({
  method: 'get', path: '/api/me', tags: ['identity'],
  responses: { 200: { description: 'The signed-in user', schema: MeSchema } }, errors: [401, 403],
});

export const createTicketRoute = defineRoute({
  method: 'post', path: '/api/tickets', tags: ['tickets'],
  headers: IDEMPOTENCY_HEADER, body: CreateTicketBody,
  responses: { 201: { description: 'Created (or the first result of a retried Idempotency-Key)', schema: TicketSchema } },
  errors: [400, 401, 403, 413, 415, 422],
});

export const listTicketsRoute = defineRoute({
  method: 'get', path: '/api/tickets', tags: ['tickets'],
  query: ListTicketsQuery,
  responses: { 200: { description: 'Most recent activity first', schema: TicketListSchema } }, errors: [400, 401],
});

export const getTicketRoute = defineRoute({
  method: 'get', path: '/api/tickets/{id}', tags: ['tickets'],
  params: TicketParams, query: GetTicketQuery,
  responses: { 200: { description: 'The ticket with its messages; ETag carries the version', schema: TicketSchema } }, errors: [400, 401, 404],
});

export const addMessageRoute = defineRoute({
  method: 'post', path: '/api/tickets/{id}/messages', tags: ['tickets'],
  params: TicketParams, headers: IDEMPOTENCY_HEADER, body: MessageBody,
  responses: { 201: { description: 'Posted', schema: z.object({ message: MessageSchema, ticket: TicketSchema }) } },
  errors: [400, 401, 403, 404, 409, 413, 415, 422],
});

export const patchTicketRoute = defineRoute({
  method: 'patch', path: '/api/tickets/{id}', tags: ['tickets'],
  params: TicketParams, headers: IF_MATCH_HEADER, body: PatchTicketBody,
  responses: { 200: { description: 'Updated; ETag carries the new version', schema: TicketSchema } },
  errors: [400, 401, 403, 404, 412, 413, 415, 422, 428],
});

export const recordDeflectionRoute = defineRoute({
  method: 'post', path: '/api/deflections', tags: ['service'],
  description: 'A requester left the new-ticket form after opening a suggested guide; counted once per requester, guide and day.',
  body: DeflectionBody,
  responses: { 201: { description: 'Recorded', schema: z.object({ id: z.string() }) } }, errors: [400, 401, 403, 413, 415],
});

export const figuresRoute = defineRoute({
  method: 'get', path: '/api/stats', tags: ['service'],
  query: FiguresQuery,
  responses: { 200: { description: 'Service figures over the last `days` days', schema: FiguresSchema } }, errors: [400, 401, 403],
});

export const ticketRoutes = [healthRoute, meRoute, createTicketRoute, listTicketsRoute, getTicketRoute, addMessageRoute, patchTicketRoute, recordDeflectionRoute, figuresRoute];
