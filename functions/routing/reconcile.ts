import { loadOf } from './domain/load.ts';
import type { ExpertTickets, OpenTicket } from './ports.ts';
import { emptyEntry, type RoutingService } from './service.ts';
import type { RoutingAdminStore } from './store.ts';

/**
 * Sets each expert's counters to what the assignee index says (their new and open tickets), where they drifted: a
 * crash between a claim and its ticket's write, a counter write lost after a ticket change. Conditional on the load
 * read, so a claim made meanwhile is never overwritten (the next pass sees it). Answers each expert's open tickets.
 * The routing function runs it (roster view, sweep); ticket creation never does, so the tickets bundle carries none.
 */
export function counterReconciliation(service: RoutingService, store: RoutingAdminStore) {
  const { profileList, noteInRoster } = service.internals;
  return async function reconcile(tickets: ExpertTickets): Promise<Map<string, OpenTicket[]>> {
    const [list, entries] = await Promise.all([profileList.get(), store.roster().then((all) => new Map(all.map((e) => [e.expertId, e])))]);
    const open = new Map<string, OpenTicket[]>();
    for (const profile of list) {
      const entry = entries.get(profile.id) ?? emptyEntry(profile.id);
      const theirs = await tickets.openTicketsOf(profile.id);
      open.set(profile.id, theirs);
      const load = loadOf(theirs.map((t) => ({ priority: t.priority, status: t.status })));
      if (load === entry.load && theirs.length === entry.openTickets) continue;
      if (await store.reconcile(profile.id, entry.load, load, theirs.length)) await noteInRoster(profile.id, (e) => ({ ...e, load, openTickets: theirs.length }));
    }
    return open;
  };
}
