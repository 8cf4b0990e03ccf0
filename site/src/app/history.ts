// A ticket's audit trail as sentences ("Ana García changed the status from Open to Waiting").
import type { TicketEvent } from './api/types.ts';
import { humanize } from './format.ts';
import { TICKET_CATEGORY_LABELS } from './vocabulary.ts';

/** Names of people by id; an unknown id is shown as it is. */
export type NameOf = (id: string) => string;

const categoryLabel = (value: string | null | undefined) => TICKET_CATEGORY_LABELS[value as keyof typeof TICKET_CATEGORY_LABELS] ?? value ?? 'none';
// Statuses and priorities as their badges show them ("New", "Waiting").
const label = (value: string | null | undefined) => (value ? humanize(value) : 'none');

/** What the actor did, as the rest of a sentence that starts with their name. */
export function describeEvent(event: TicketEvent, nameOf: NameOf): string {
  switch (event.type) {
    case 'created': return 'opened the ticket';
    case 'reply': return 'replied';
    case 'note': return 'added an internal note';
    case 'status': return `changed the status from ${label(event.from)} to ${label(event.to)}`;
    case 'priority': return `changed the priority from ${label(event.from)} to ${label(event.to)}`;
    case 'category': return `moved it from ${categoryLabel(event.from)} to ${categoryLabel(event.to)}`;
    case 'assigned':
      if (!event.to) return `unassigned ${event.from ? nameOf(event.from) : 'it'}`;
      if (event.to === event.actorId) return event.from ? `took the ticket from ${nameOf(event.from)}` : 'took the ticket';
      return `assigned it to ${nameOf(event.to)}`;
    default: return humanize(event.type);
  }
}
