import { ANY, type KeySpace } from '../core/table.ts';

/** Where tickets live in the table: the tickets store writes them, other modules read through these builders. */
export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
export const messageKey = (ticketId: string, id: string) => ({ pk: `TICKET#${ticketId}`, sk: `MSG#${id}` });
export const TICKET_COUNTER_KEY = { pk: 'COUNTER', sk: 'TICKET' } as const;
export const deflectionKey = (id: string) => ({ pk: `DEFLECTION#${id}`, sk: 'DEFLECTION' });

export const isTicketItem = (item: Record<string, unknown> | undefined) => String(item?.pk ?? '').startsWith('TICKET#') && item?.sk === 'TICKET';

/** The index partitions of tickets, each sorted by `ticketOrder` (last activity, then id). */
export const ticketPartitions = {
  /** gsi1: one organisation's tickets. */
  byOrg: (orgId: string) => `ORG#${orgId}#TICKETS`,
  /** gsi2: tickets in one status. */
  byStatus: (status: string) => `TICKETS#STATUS#${status}`,
  /** gsi3: an assignee's tickets (`none` for unassigned). */
  byAssignee: (assigneeId: string) => `TICKETS#ASSIGNEE#${assigneeId}`,
  /** gsi4: tickets about one system (`none` when not given). */
  bySystem: (system: string) => `TICKETS#SYSTEM#${system}`,
  /** gsi5: every ticket. */
  all: 'TICKETS',
} as const;

/** gsi5: deflections by time. */
export const DEFLECTIONS_PARTITION = 'DEFLECTIONS';

/** The sort key of every ticket partition: a range `>= time` finds what was active since then. */
export const ticketOrder = (lastActivityAt: string, id: string) => `${lastActivityAt}#${id}`;

export function ticketKeySpace(): KeySpace {
  return {
    module: 'tickets',
    items: [ticketKey(ANY), messageKey(ANY, ANY), TICKET_COUNTER_KEY, deflectionKey(ANY)],
    partitions: {
      gsi1: [ticketPartitions.byOrg(ANY)],
      gsi2: [ticketPartitions.byStatus(ANY)],
      gsi3: [ticketPartitions.byAssignee(ANY)],
      gsi4: [ticketPartitions.bySystem(ANY)],
      gsi5: [ticketPartitions.all, DEFLECTIONS_PARTITION],
    },
  };
}
