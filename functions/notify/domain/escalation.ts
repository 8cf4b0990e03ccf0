import { computeSla, DEFAULT_SLA, roundTheClockPolicy, type SlaTarget } from '../../tickets/domain/sla.ts';
import type { Priority } from '../../tickets/domain/model.ts';
import type { TicketFacts } from '../../events/domain/events.ts';
import type { NotifyEvent, SlaTargetName } from './events.ts';

/** Share of a target after which the assignee is warned. */
export const WARNING_SHARE = 0.75;

export function escalationEventId(ticketId: string, target: SlaTargetName, stage: 'warning' | 'breach'): string {
  return `S#${ticketId}#${target}#${stage}`;
}

/**
 * The escalations due for a ticket at `now` (pure), one per running clock: a warning once 75 % of the target is
 * used, the breach once it is passed (then the warning is moot). Clocks that stopped (first response given,
 * ticket resolved) or stand still (waiting) escalate nothing; ids make each (ticket, target, stage) happen once.
 */
export function dueEscalations(ticket: TicketFacts, now: Date, targets: Record<Priority, SlaTarget> = DEFAULT_SLA): NotifyEvent[] {
  const sla = computeSla(ticket, now, roundTheClockPolicy(targets));
  if (sla.paused) return [];
  const target = targets[ticket.priority];
  const clocks: Array<{ name: SlaTargetName; due: string; ms: number; running: boolean }> = [
    { name: 'firstResponse', due: sla.firstResponseDue, ms: target.firstResponseMs, running: !ticket.firstResponseAt },
    { name: 'resolution', due: sla.resolutionDue, ms: target.resolutionMs, running: true },
  ];
  const at = now.getTime();
  return clocks.flatMap(({ name, due, ms, running }): NotifyEvent[] => {
    if (!running) return [];
    const dueAt = Date.parse(due);
    const stage = at > dueAt ? 'breach' : at >= dueAt - (1 - WARNING_SHARE) * ms ? 'warning' : undefined;
    if (!stage) return [];
    return [{ type: 'slaEscalation', eventId: escalationEventId(ticket.id, name, stage), stage, target: name, due, ticket }];
  });
}
