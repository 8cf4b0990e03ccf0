import { computeSla, DEFAULT_SLA_RULES, instantsAtShare, type SlaRules } from '../../tickets/domain/sla.ts';
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
export function dueEscalations(ticket: TicketFacts, now: Date, rules: SlaRules = DEFAULT_SLA_RULES): NotifyEvent[] {
  const sla = computeSla(ticket, now, rules.policy, rules.calendar);
  if (sla.paused) return [];
  // On a business clock, 75 % of the target is counted in business hours too (not the due time less wall time).
  const warnAt = instantsAtShare(ticket, now, WARNING_SHARE, rules.policy, rules.calendar);
  const clocks: Array<{ name: SlaTargetName; due: string; warn: string; running: boolean }> = [
    { name: 'firstResponse', due: sla.firstResponseDue, warn: warnAt.firstResponse, running: !ticket.firstResponseAt },
    { name: 'resolution', due: sla.resolutionDue, warn: warnAt.resolution, running: true },
  ];
  const at = now.getTime();
  return clocks.flatMap(({ name, due, warn, running }): NotifyEvent[] => {
    if (!running) return [];
    const dueAt = Date.parse(due);
    const stage = at > dueAt ? 'breach' : at >= Date.parse(warn) ? 'warning' : undefined;
    if (!stage) return [];
    return [{ type: 'slaEscalation', eventId: escalationEventId(ticket.id, name, stage), stage, target: name, due, ticket }];
  });
}
