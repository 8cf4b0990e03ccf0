import type { ApiApp } from '../core/http.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { registerTicketRoutes } from './app.ts';
import { dynamoTicketStore } from './dynamo-store.ts';
import { messageAttachments } from '../attachments/links.ts';

export interface TicketsInfrastructure extends ApiInfrastructure {
  /** Which deflection guides exist; by default the knowledge base's topics (the local server knows its site). */
  isGuide?: (slug: string) => boolean;
}

/** The tickets routes on the DynamoDB table: the one wiring the Lambda entry and the local server share. */
export function wireTickets(app: ApiApp, { db, tableName, clock, verifier, isGuide }: TicketsInfrastructure): ApiApp {
  return registerTicketRoutes(app, {
    store: dynamoTicketStore(db, tableName), users: dynamoUserDirectory(db, tableName), clock, verifier, isGuide,
    attachments: messageAttachments(db, tableName),
  });
}
