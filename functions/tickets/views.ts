import type { Principal } from '../core/principal.ts';
import { isStaff } from '../core/principal.ts';
import type { Message, Ticket } from './domain/model.ts';
import { computeSla, DEFAULT_SLA_RULES, type SlaRules } from './domain/sla.ts';
import { updatedAtSeenBy, versionSeenBy } from './domain/visibility.ts';

/** The version and updatedAt as this caller may see them (no trace of internal notes for requesters). */
const seenBy = (ticket: Ticket, principal: Principal) => ({ version: versionSeenBy(ticket, principal), updatedAt: updatedAtSeenBy(ticket, principal) });

/**
 * Why a ticket went to whom is staff's wording ("… speaks Spanish, 2 open tickets": another person's workload), as
 * is a coordinator's reason for moving it: requesters see who has their ticket, not why.
 */
function withoutStaffReasons(ticket: Ticket, principal: Principal): Ticket {
  if (isStaff(principal)) return ticket;
  const { assignment: _assignment, ...rest } = ticket;
  return { ...rest, events: ticket.events.map(({ reason: _reason, ...event }) => event) };
}

/** What a list shows: no body, no audit trail; `orgName` the organisation's name, as people know it. */
export function ticketSummary(full: Ticket, now: Date, principal: Principal, rules: SlaRules = DEFAULT_SLA_RULES, orgName?: string) {
  const ticket = withoutStaffReasons(full, principal);
  const { body: _body, events: _events, noteCount, ...summary } = ticket;
  return { ...summary, orgName, ...seenBy(ticket, principal), ...(isStaff(principal) ? { noteCount: noteCount ?? 0 } : {}), sla: computeSla(ticket, now, rules.policy, rules.calendar) };
}

export function ticketDetail(full: Ticket, now: Date, principal: Principal, extras: { messages?: Message[]; includeEvents?: boolean; rules?: SlaRules; orgName?: string } = {}) {
  const ticket = withoutStaffReasons(full, principal);
  const rules = extras.rules ?? DEFAULT_SLA_RULES;
  const { events, noteCount, ...rest } = ticket;
  const visibleEvents = isStaff(principal) ? events : events.filter((event) => event.type !== 'note');
  return {
    ...rest,
    orgName: extras.orgName,
    ...seenBy(ticket, principal),
    ...(isStaff(principal) ? { noteCount: noteCount ?? 0 } : {}),
    sla: computeSla(ticket, now, rules.policy, rules.calendar),
    ...(extras.messages ? { messages: extras.messages } : {}),
    ...(extras.includeEvents ? { events: visibleEvents } : {}),
  };
}
