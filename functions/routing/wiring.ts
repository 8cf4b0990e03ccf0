import type { ApiApp } from '../core/http.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { routingTickets } from '../tickets/routing-tickets.ts';
import { ticketService } from '../tickets/service.ts';
import { routingAdmin } from './admin.ts';
import { registerRoutingRoutes, type RoutingTicketsPort } from './app.ts';
import { dynamoRoutingAdminStore } from './dynamo-admin-store.ts';
import { routingServiceOf, type RoutingInfrastructure } from './dynamo-service.ts';
import type { RoutingService } from './service.ts';
import { counterReconciliation } from './reconcile.ts';

/**
 * What routing's routes need of tickets: reads from the tickets store (tickets/routing-tickets.ts), reassignment
 * through the tickets service (history and counters are kept there).
 */
export function routingTicketsPort(infrastructure: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock'>, routing: RoutingService): RoutingTicketsPort {
  const { db, tableName, clock } = infrastructure;
  const store = dynamoTicketStore(db, tableName);
  const users = dynamoUserDirectory(db, tableName);
  const tickets = ticketService({ store, users, clock, routing });
  return {
    ...routingTickets({ store, users, clock, rules: routing.rules }),
    async reassign(actor, ticketId, assignee, reason) {
      await tickets.reassign(actor, ticketId, assignee?.id ?? null, reason);
    },
  };
}

/** Routing's service and what it needs of tickets. */
function routingWithTickets(infrastructure: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock' | 'routing'>) {
  const routing = routingServiceOf(infrastructure);
  return { routing, tickets: routingTicketsPort(infrastructure, routing) };
}

/**
 * Routing's routes (settings, support hours, absences, the roster, reassignment) on the DynamoDB table: the one
 * wiring the routing Lambda entry and the local server share. Reassignment writes through the tickets service,
 * built here from tickets' service and store only (none of tickets' routes, schemas or docs).
 */
export function wireRouting(app: ApiApp, infrastructure: RoutingInfrastructure): ApiApp {
  const { routing, tickets } = routingWithTickets(infrastructure);
  return registerRoutingRoutes(app, { routing: routingAdmin(routing, dynamoRoutingAdminStore(infrastructure.db, infrastructure.tableName)), verifier: infrastructure.verifier, tickets });
}

/**
 * Routing's sweep, run on a schedule (the routing function's `sweepHandler` in AWS, the local server's sweep loop):
 * sets each expert's load counters to what their new and open tickets say wherever they drifted (README, "eventually
 * right"). Answers how many experts it looked at.
 */
export function routingSweep(infrastructure: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock' | 'routing'>): () => Promise<{ experts: number }> {
  const { routing, tickets } = routingWithTickets(infrastructure);
  const reconcile = counterReconciliation(routing, dynamoRoutingAdminStore(infrastructure.db, infrastructure.tableName));
  return async () => ({ experts: (await reconcile(tickets)).size });
}
