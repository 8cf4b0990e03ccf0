import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '../core/clock.ts';
import { dynamoExpertProfiles } from '../bookings/expert-directory.ts';
import { dynamoRoutingAdminStore } from '../routing/dynamo-admin-store.ts';
import type { WeeklyHours } from '../routing/domain/calendar.ts';
import { routingAdmin } from '../routing/admin.ts';
import { routingService } from '../routing/service.ts';
import { routingTicketsPort } from '../routing/wiring.ts';

const weekdays = (timeZone: string): WeeklyHours => ({
  timeZone, weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '09:00', end: '17:00' })),
});

/** The demo experts' support hours, each in their own zone, so `npm start` routes new tickets to them. */
export const SEED_SUPPORT_HOURS: Record<string, WeeklyHours> = {
  'u-ana': weekdays('Europe/Madrid'),
  'u-mikko': weekdays('Europe/Helsinki'),
  'u-giulia': weekdays('Europe/Rome'),
};

/** Support hours, then the load counters set from the seeded tickets (written before routing existed). */
export async function seedRouting({ db, tableName, now }: { db: DynamoDBDocumentClient; tableName: string; now: Date }): Promise<void> {
  const store = dynamoRoutingAdminStore(db, tableName);
  for (const [expertId, hours] of Object.entries(SEED_SUPPORT_HOURS)) await store.setSupportHours(expertId, hours);
  const clock = fixedClock(now);
  const routing = routingService({ store, profiles: dynamoExpertProfiles(db, tableName), clock });
  await routingAdmin(routing, store).reconcile(routingTicketsPort({ db, tableName, clock }, routing));
}
