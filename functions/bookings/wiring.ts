import type { ApiApp } from '../core/http.ts';
import { cachedOrganisationNames, dynamoOrganisationNames } from '../core/organisations.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { dynamoTicketOwnership } from '../tickets/ownership.ts';
import { registerBookingRoutes } from './app.ts';
import { dynamoBookingStore } from './dynamo-store.ts';

/** The mentoring routes on the DynamoDB table: the one wiring the Lambda entry and the local server share. */
export function wireBookings(app: ApiApp, { db, tableName, clock, verifier }: ApiInfrastructure): ApiApp {
  return registerBookingRoutes(app, {
    store: dynamoBookingStore(db, tableName), tickets: dynamoTicketOwnership(db, tableName), clock, verifier,
    organisationName: cachedOrganisationNames(dynamoOrganisationNames(db, tableName)),
  });
}
