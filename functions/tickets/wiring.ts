import type { ApiApp } from '../core/http.ts';
import { cachedOrganisationNames, dynamoOrganisationNames, dynamoOrganisationProfiles } from '../core/organisations.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { routingServiceOf, type RoutingInfrastructure } from '../routing/dynamo-service.ts';
import { registerTicketRoutes } from './app.ts';
import { dynamoTicketStore } from './dynamo-store.ts';
import { ticketService } from './service.ts';
import { messageAttachments } from '../attachments/links.ts';

export interface TicketsInfrastructure extends RoutingInfrastructure {
  /** Which deflection guides exist; by default the knowledge base's topics (the local server knows its site). */
  isGuide?: (slug: string) => boolean;
}

/**
 * The tickets routes on the DynamoDB table: the one wiring the Lambda entry and the local server share. Every
 * creation routes, so this function carries routing's service (choose and claim, the rules the clocks run on);
 * routing's own routes are the routing function's (functions/routing/wiring.ts).
 */
export function wireTickets(app: ApiApp, infrastructure: TicketsInfrastructure): ApiApp {
  const { db, tableName, clock, verifier, isGuide } = infrastructure;
  const routing = routingServiceOf(infrastructure);
  const deps = {
    store: dynamoTicketStore(db, tableName), users: dynamoUserDirectory(db, tableName), organisation: dynamoOrganisationProfiles(db, tableName),
    organisationName: cachedOrganisationNames(dynamoOrganisationNames(db, tableName)),
    clock, verifier, isGuide, routing, attachments: messageAttachments(db, tableName),
  };
  registerTicketRoutes(app, deps, ticketService(deps));
  return app;
}
