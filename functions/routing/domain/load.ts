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
