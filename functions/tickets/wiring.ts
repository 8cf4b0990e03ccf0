import { dynamoExpertProfiles } from '../bookings/expert-directory.ts';
import type { ApiApp } from '../core/http.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { dynamoOrganisationNames } from '../core/organisations.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { registerRoutingRoutes, type RoutingTicketsPort } from '../routing/app.ts';
import { dynamoRoutingStore } from '../routing/dynamo-store.ts';
import { routingService } from '../routing/service.ts';
import { registerTicketRoutes } from './app.ts';
import { dynamoTicketStore } from './dynamo-store.ts';
import { ticketService, type TicketService } from './service.ts';
import { messageAttachments } from '../attachments/links.ts';

export interface TicketsInfrastructure extends ApiInfrastructure {
  /** Which deflection guides exist; by default the knowledge base's topics (the local server knows its site). */
  isGuide?: (slug: string) => boolean;
}

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

/**
 * The tickets routes, and routing's (settings, support hours, absences, the roster), on the DynamoDB table: the
 * one wiring the Lambda entry and the local server share. Routing lives in the tickets function because every
 * ticket creation routes: one instance holds the short-lived caches both read.
 */
export function wireTickets(app: ApiApp, { db, tableName, clock, verifier, isGuide }: TicketsInfrastructure): ApiApp {
  const routing = routingService({ store: dynamoRoutingStore(db, tableName), profiles: dynamoExpertProfiles(db, tableName), clock });
  const deps = {
    store: dynamoTicketStore(db, tableName), users: dynamoUserDirectory(db, tableName), organisationName: dynamoOrganisationNames(db, tableName),
    clock, verifier, isGuide, routing, attachments: messageAttachments(db, tableName),
  };
  const tickets = ticketService(deps);
  registerTicketRoutes(app, deps, tickets);
  return registerRoutingRoutes(app, { routing, verifier, tickets: routingTicketsPort(tickets) });
}
