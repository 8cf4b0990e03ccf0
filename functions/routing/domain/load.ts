/**
 * An expert's load: the tickets assigned to them that still need them, weighted by priority, so one urgent
 * ticket weighs as much as four normal ones when routing spreads new work.
 */
import type { Priority } from '../../core/catalog.ts';

export const LOAD_WEIGHTS: Readonly<Record<Priority, number>> = { urgent: 4, high: 2, normal: 1, low: 0.5 };

/** New and open tickets count; waiting ones are in the requester's hands, resolved and closed ones are done. */
export const LOAD_STATUSES: readonly string[] = ['new', 'open'];

export function loadOf(tickets: Iterable<{ priority: Priority; status: string }>): number {
  let load = 0;
  for (const ticket of tickets) if (LOAD_STATUSES.includes(ticket.status)) load += LOAD_WEIGHTS[ticket.priority];
  return load;
}

/** What a ticket adds to its assignee's counters: nothing when unassigned or not new/open. */
export interface LoadHolder {
  assigneeId?: string | null;
  status: string;
  priority: Priority;
}

export interface CounterChange {
  expertId: string;
  load: number;
  openTickets: number;
}

function share(ticket: LoadHolder | undefined): CounterChange | undefined {
  if (!ticket?.assigneeId || !LOAD_STATUSES.includes(ticket.status)) return undefined;
  return { expertId: ticket.assigneeId, load: LOAD_WEIGHTS[ticket.priority], openTickets: 1 };
}

/** The counter changes a ticket's change makes (status, priority or assignee), at most one per expert, none zero. */
export function loadChanges(before: LoadHolder | undefined, after: LoadHolder | undefined): CounterChange[] {
  const changes = new Map<string, CounterChange>();
  const add = (part: CounterChange | undefined, sign: 1 | -1) => {
    if (!part) return;
    const current = changes.get(part.expertId) ?? { expertId: part.expertId, load: 0, openTickets: 0 };
    changes.set(part.expertId, { ...current, load: current.load + sign * part.load, openTickets: current.openTickets + sign * part.openTickets });
  };
  add(share(before), -1);
  add(share(after), 1);
  return [...changes.values()].filter((change) => change.load !== 0 || change.openTickets !== 0);
}
