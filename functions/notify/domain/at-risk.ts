import { ticketsAtRisk, type Absence } from '../../routing/domain/absences.ts';
import { computeSla, type SlaRules } from '../../tickets/domain/sla.ts';
import type { TicketFacts } from '../../events/domain/events.ts';
import type { NotifyEvent } from './events.ts';

/** One (ticket, assignee, absence): told once, whatever the sweep derives later. */
export function atRiskEventId(ticketId: string, assigneeId: string, absenceFrom: string): string {
  return `A#${ticketId}#${assigneeId}#${absenceFrom}`;
}

/**
 * The tickets whose running clocks fall due while their assignee is away (pure): what coordinators are told,
 * so they can reassign them (POST /api/routing/experts/{id}/reassign). Paused tickets are not at risk.
 */
export function atRiskEvents(tickets: readonly TicketFacts[], absencesOf: ReadonlyMap<string, readonly Absence[]>, now: Date, rules: SlaRules): NotifyEvent[] {
  return tickets.flatMap((ticket): NotifyEvent[] => {
    const absences = ticket.assigneeId ? absencesOf.get(ticket.assigneeId) : undefined;
    if (!ticket.assigneeId || !absences?.length) return [];
    const sla = computeSla(ticket, now, rules.policy, rules.calendar);
    if (sla.paused) return [];
    const due = ticket.firstResponseAt ? [sla.resolutionDue] : [sla.firstResponseDue, sla.resolutionDue];
    const [risk] = ticketsAtRisk(absences, [{ ticketId: ticket.id, due }], now);
    if (!risk) return [];
    return [{ type: 'ticketAtRisk', eventId: atRiskEventId(ticket.id, ticket.assigneeId, risk.absence.from), ticket, due: risk.due, until: risk.absence.until }];
  });
}
