import { defineRoute } from '../core/route.ts';
import { CreateTicketBody, DeflectionBody, FiguresQuery, GetTicketQuery, ListTicketsQuery, MessageBody, PatchTicketBody, TicketParams } from './schemas.ts';

export const healthRoute = defineRoute({ method: 'get', path: '/api/health' });
export const meRoute = defineRoute({ method: 'get', path: '/api/me' });
export const createTicketRoute = defineRoute({ method: 'post', path: '/api/tickets', body: CreateTicketBody });
export const listTicketsRoute = defineRoute({ method: 'get', path: '/api/tickets', query: ListTicketsQuery });
export const getTicketRoute = defineRoute({ method: 'get', path: '/api/tickets/{id}', params: TicketParams, query: GetTicketQuery });
export const addMessageRoute = defineRoute({ method: 'post', path: '/api/tickets/{id}/messages', params: TicketParams, body: MessageBody });
export const patchTicketRoute = defineRoute({ method: 'patch', path: '/api/tickets/{id}', params: TicketParams, body: PatchTicketBody });
export const recordDeflectionRoute = defineRoute({ method: 'post', path: '/api/deflections', body: DeflectionBody });
export const figuresRoute = defineRoute({ method: 'get', path: '/api/stats', query: FiguresQuery });
