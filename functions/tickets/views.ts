import type { Principal } from '../core/principal.ts';
import { isStaff } from '../core/principal.ts';
import type { Message, Ticket } from './domain/model.ts';
import { computeSla, DEFAULT_SLA_RULES, type SlaRules } from './domain/sla.ts';
import { updatedAtSeenBy, versionSeenBy } from './domain/visibility.ts';

/** The version and updatedAt as this caller may see them (no trace of internal notes for requesters). */
const seenBy = (ticket: Ticket, principal: Principal) => ({ version: versionSeenBy(ticket, principal), updatedAt: updatedAtSeenBy(ticket, principal) });

/** What a list shows: no body, no audit trail; `orgName` the organisation's name, as people know it. */
export function ticketSummary(ticket: Ticket, now: Date, principal: Principal, rules: SlaRules = DEFAULT_SLA_RULES, orgName?: string) {
  const { body: _body, events: _events, noteCount, ...summary } = ticket;
  return { ...summary, orgName, ...seenBy(ticket, principal), ...(isStaff(principal) ? { noteCount: noteCount ?? 0 } : {}), sla: computeSla(ticket, now, rules.policy, rules.calendar) };
}

export function ticketDetail(ticket: Ticket, now: Date, principal: Principal, extras: { messages?: Message[]; includeEvents?: boolean; rules?: SlaRules; orgName?: string } = {}) {
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
