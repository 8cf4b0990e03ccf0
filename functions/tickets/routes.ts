import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity } from '../core/http.ts';
import { errorResponses, jsonBody } from '../core/schemas.ts';
import {
  CreateTicketBody, DeflectionBody, FiguresQuery, FiguresSchema, GetTicketQuery, ListTicketsQuery, MeSchema, MessageBody, MessageSchema, PatchTicketBody,
  TicketListSchema, TicketParams, TicketSchema,
} from './schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const IdempotencyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({ description: 'Retries with the same key return the first result.' }),
});
const IfMatchHeader = z.object({ 'if-match': z.string().optional().openapi({ description: 'The ETag you read (required).' }) });

export const healthRoute = createRoute({
  method: 'get', path: '/api/health', tags: ['service'],
  responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
});

export const meRoute = createRoute({
  method: 'get', path: '/api/me', tags: ['identity'], security: bearerSecurity,
  responses: { 200: json(MeSchema, 'The signed-in user'), ...errorResponses(401, 403) },
});

export const createTicketRoute = createRoute({
  method: 'post', path: '/api/tickets', tags: ['tickets'], security: bearerSecurity,
  request: { headers: IdempotencyHeader, body: jsonBody(CreateTicketBody) },
  responses: { 201: json(TicketSchema, 'Created (or the first result of a retried Idempotency-Key)'), ...errorResponses(400, 401, 403, 413, 415, 422) },
});

export const listTicketsRoute = createRoute({
  method: 'get', path: '/api/tickets', tags: ['tickets'], security: bearerSecurity,
  request: { query: ListTicketsQuery },
  responses: { 200: json(TicketListSchema, 'Most recent activity first'), ...errorResponses(400, 401) },
});

export const getTicketRoute = createRoute({
  method: 'get', path: '/api/tickets/{id}', tags: ['tickets'], security: bearerSecurity,
  request: { params: TicketParams, query: GetTicketQuery },
  responses: { 200: json(TicketSchema, 'The ticket with its messages; ETag carries the version'), ...errorResponses(400, 401, 404) },
});

export const addMessageRoute = createRoute({
  method: 'post', path: '/api/tickets/{id}/messages', tags: ['tickets'], security: bearerSecurity,
  request: { params: TicketParams, headers: IdempotencyHeader, body: jsonBody(MessageBody) },
  responses: {
    201: json(z.object({ message: MessageSchema, ticket: TicketSchema }), 'Posted'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const patchTicketRoute = createRoute({
  method: 'patch', path: '/api/tickets/{id}', tags: ['tickets'], security: bearerSecurity,
  request: { params: TicketParams, headers: IfMatchHeader, body: jsonBody(PatchTicketBody) },
  responses: { 200: json(TicketSchema, 'Updated; ETag carries the new version'), ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422, 428) },
});

export const recordDeflectionRoute = createRoute({
  method: 'post', path: '/api/deflections', tags: ['service'], security: bearerSecurity,
  description: 'A requester left the new-ticket form after opening a suggested guide; counted once per requester, guide and day.',
  request: { body: jsonBody(DeflectionBody) },
  responses: { 201: json(z.object({ id: z.string() }), 'Recorded'), ...errorResponses(400, 401, 403, 413, 415) },
});

export const figuresRoute = createRoute({
  method: 'get', path: '/api/stats', tags: ['service'], security: bearerSecurity,
  request: { query: FiguresQuery },
  responses: { 200: json(FiguresSchema, 'Service figures over the last `days` days'), ...errorResponses(400, 401, 403) },
});

export const ticketRoutes = [healthRoute, meRoute, createTicketRoute, listTicketsRoute, getTicketRoute, addMessageRoute, patchTicketRoute, recordDeflectionRoute, figuresRoute];
