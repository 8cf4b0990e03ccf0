import type { UserDirectory } from '../core/users.ts';
import type { TicketToRoute } from '../routing/domain/assign.ts';
import type { ExpertTickets } from '../routing/ports.ts';
import type { Ticket } from './domain/model.ts';
import { computeSla, type SlaRules } from './domain/sla.ts';
import type { TicketStore } from './store.ts';
import type { Clock } from '../core/clock.ts';

/**
 * What routing reads of tickets for its roster view, sweep and reassignment, from the tickets store: served in the
 * routing function only (the tickets function, which creates, carries none of it).
 */
export function routingTickets({ store, users, clock, rules }: { store: TicketStore; users: UserDirectory; clock: Clock; rules: () => Promise<SlaRules> }) {
  return {
    /** An expert's new and open tickets with their running clocks' due times. */
    async openTicketsOf(expertId: string) {
      const { policy, calendar } = await rules();
      const now = clock.now();
      const tickets: Ticket[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({ assignee: expertId, statuses: ['new', 'open'], limit: 100, cursor });
        tickets.push(...page.items);
        cursor = page.cursor;
      } while (cursor && tickets.length < 2000);
      return tickets.map((ticket) => {
        const sla = computeSla(ticket, now, policy, calendar);
        return {
          ticketId: ticket.id, reference: ticket.reference, subject: ticket.subject, priority: ticket.priority, status: ticket.status,
          due: ticket.firstResponseAt ? [sla.resolutionDue] : [sla.firstResponseDue, sla.resolutionDue],
        };
      });
    },

    /** The ticket as routing sees it, for routing it again (the requester's language from the directory). */
    async toRoute(ticketId: string): Promise<TicketToRoute | undefined> {
      const ticket = await store.get(ticketId);
      if (!ticket) return undefined;
      const language = (await users.get(ticket.requesterId))?.lang ?? 'en';
      return { category: ticket.category, topic: ticket.topic, system: ticket.system, priority: ticket.priority, language };
    },
  } satisfies ExpertTickets & { toRoute(ticketId: string): Promise<TicketToRoute | undefined> };
}
