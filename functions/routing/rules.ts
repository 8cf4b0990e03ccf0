import { DEFAULT_CALENDAR } from './domain/default-calendar.ts';
import { DEFAULT_ROUTING } from './domain/routing-settings.ts';
import { DEFAULT_POLICY } from './domain/sla-policy.ts';
import type { ServiceCalendar } from './domain/calendar.ts';
import type { RoutingSettings } from './domain/routing-settings.ts';
import type { SlaPolicy } from './domain/sla-policy.ts';
import type { RoutingStore, StoredSettings } from './store.ts';

/** The settings routing and the SLA clocks read, each the domain's default until coordinators save one. */
export interface RoutingRules {
  calendar: ServiceCalendar;
  policy: SlaPolicy;
  routing: RoutingSettings;
}

export const rulesOf = (stored: StoredSettings): RoutingRules => ({
  calendar: stored['service-hours'] ?? DEFAULT_CALENDAR,
  policy: stored.sla ?? DEFAULT_POLICY,
  routing: stored.routing ?? DEFAULT_ROUTING,
});

/** The current rules in one Query: what a reader outside routing (the notify sweep) needs, without the service. */
export async function readRules(store: Pick<RoutingStore, 'settings'>): Promise<RoutingRules> {
  return rulesOf(await store.settings());
}
