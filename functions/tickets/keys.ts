import { ANY, type KeySpace } from '../core/table.ts';

/** Where tickets live in the table: the tickets store writes them, other modules read through these builders. */
export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
export const messageKey = (ticketId: string, id: string) => ({ pk: `TICKET#${ticketId}`, sk: `MSG#${id}` });
export const TICKET_COUNTER_KEY = { pk: 'COUNTER', sk: 'TICKET' } as const;
/**
 * Drawing the next ticket number, as the SET clause of an UpdateItem on the counter item: the tickets store draws
 * it alone, routing draws it in the same write as its load claim (the counter item also holds the experts' load).
 */
export const DRAW_TICKET_NUMBER = {
  set: '#number = if_not_exists(#number, :firstNumber) + :numberStep',
  names: { '#number': 'value' },
  values: { ':firstNumber': 1000, ':numberStep': 1 },
  numberIn: (item: Record<string, unknown> | undefined) => Number(item?.value),
} as const;
export const deflectionKey = (id: string) => ({ pk: `DEFLECTION#${id}`, sk: 'DEFLECTION' });

export const isTicketItem = (item: Record<string, unknown> | undefined) => String(item?.pk ?? '').startsWith('TICKET#') && item?.sk === 'TICKET';

/**
 * The index partitions of tickets, each sorted by `ticketOrder` (last activity, then id): gsi1 one organisation's,
 * gsi2 one status, gsi3 one assignee's (`none`: unassigned), gsi4 one system (`none`: not given), gsi5 all; gsi6 one
 * number (a reference resolves with one Query; the ticket's one write at creation sets it).
 */
export const ticketPartitions = {
  byOrg: (orgId: string) => `ORG#${orgId}#TICKETS`,
  byStatus: (status: string) => `TICKETS#STATUS#${status}`,
  byAssignee: (assigneeId: string) => `TICKETS#ASSIGNEE#${assigneeId}`,
  bySystem: (system: string) => `TICKETS#SYSTEM#${system}`,
  all: 'TICKETS',
  byNumber: (number: number | string) => `TICKETS#NUMBER#${number}`,
} as const;

/** A ticket's keys in the number index (gsi6): one item per partition, so a reference resolves with one Query. */
export const numberIndexKeys = (number: number) => ({ gsi6pk: ticketPartitions.byNumber(number), gsi6sk: 'TICKET' });

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
      gsi6: [ticketPartitions.byNumber(ANY)],
    },
  };
}
