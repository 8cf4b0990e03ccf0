import type { Clock } from '../core/clock.ts';
import { serviceFigures, type ServiceFigures } from './domain/figures.ts';
import type { SlaRules } from './domain/sla.ts';
import type { TicketStore } from './store.ts';

/**
 * The coordinators' service figures over the last `windowDays`. Apart from the ticket service because the routing
 * function carries that service (for reassignment) and not this route: kept out, its bundle stays within budget.
 */
export function ticketFigures(store: Pick<TicketStore, 'listForFigures' | 'listDeflectionsSince'>, clock: Clock, slaRules: () => Promise<SlaRules>) {
  return async (windowDays: number): Promise<ServiceFigures> => {
    const now = clock.now();
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    const [tickets, deflections, rules] = await Promise.all([store.listForFigures(since), store.listDeflectionsSince(since), slaRules()]);
    return serviceFigures(tickets, deflections, now, windowDays, rules);
  };
}
