import { dynamoExpertProfiles } from '../bookings/expert-directory.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { dynamoRoutingStore } from './dynamo-store.ts';
import { routingService, type RoutingService } from './service.ts';

/** What a function serving routing (its own routes, or ticket creation) is wired from. */
export interface RoutingInfrastructure extends ApiInfrastructure {
  /**
   * The routing service to serve from. Each Lambda builds its own (caches per instance, see README.md); the
   * local server passes one instance to both the tickets and the routing wiring, as one process.
   */
  routing?: RoutingService;
}

/**
 * The routing service on the DynamoDB table (settings, roster, claims; profiles from bookings' directory): the
 * given one, else a new one. Imports none of routing's routes, so the tickets function carries only this.
 */
export function routingServiceOf({ db, tableName, clock, routing }: Pick<RoutingInfrastructure, 'db' | 'tableName' | 'clock' | 'routing'>): RoutingService {
  return routing ?? routingService({ store: dynamoRoutingStore(db, tableName), profiles: dynamoExpertProfiles(db, tableName), clock });
}
