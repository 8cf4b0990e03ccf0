import type { ApiApp } from '../core/http.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { ticketService, type TicketService } from '../tickets/service.ts';
import { routingAdmin } from './admin.ts';
import { registerRoutingRoutes, type RoutingTicketsPort } from './app.ts';
import { routingServiceOf, type RoutingInfrastructure } from './dynamo-service.ts';
import { counterReconciliation } from './reconcile.ts';

/** What routing's routes need of tickets, answered by the tickets service (history and counters are kept there). */
export function routingTicketsPort(tickets: TicketService): RoutingTicketsPort {
  return {
    openTicketsOf: (expertId) => tickets.openTicketsOf(expertId),
    toRoute: (ticketId) => tickets.toRoute(ticketId),
    async reassign(actor, ticketId, assignee, reason) {
      await tickets.reassign(actor, ticketId, assignee?.id ?? null, reason);
    },
  };
}

/** Routing's service and, for what routing needs of tickets, the tickets service (service and store only). */
function routingWithTickets(infrastructure: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock' | 'routing'>) {
  const { db, tableName, clock } = infrastructure;
  const routing = routingServiceOf(infrastructure);
  const tickets = ticketService({ store: dynamoTicketStore(db, tableName), users: dynamoUserDirectory(db, tableName), clock, routing });
  return { routing, tickets: routingTicketsPort(tickets) };
}

/**
 * Routing's routes (settings, support hours, absences, the roster, reassignment) on the DynamoDB table: the one
 * wiring the routing Lambda entry and the local server share. Reassignment writes through the tickets service,
 * built here from tickets' service and store only (none of tickets' routes, schemas or docs).
 */
export function wireRouting(app: ApiApp, infrastructure: RoutingInfrastructure): ApiApp {
  const { routing, tickets } = routingWithTickets(infrastructure);
  return registerRoutingRoutes(app, { routing: routingAdmin(routing), verifier: infrastructure.verifier, tickets });
}

/**
 * Routing's sweep, run on a schedule (the routing function's `sweepHandler` in AWS, the local server's sweep loop):
 * sets each expert's load counters to what their new and open tickets say wherever they drifted (README, "eventually
 * right"). Answers how many experts it looked at.
 */
export function routingSweep(infrastructure: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock' | 'routing'>): () => Promise<{ experts: number }> {
  const { routing, tickets } = routingWithTickets(infrastructure);
  const reconcile = counterReconciliation(routing);
  return async () => ({ experts: (await reconcile(tickets)).size });
}
