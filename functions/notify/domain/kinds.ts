import type { TicketCategory } from '../../core/catalog.ts';
import type { Role } from '../../core/principal.ts';

/** What a user can choose to receive (GET/PUT /api/me/notifications). */
export const NOTIFICATION_KINDS = [
  'ticketReply', 'ticketResolved', 'newTicket', 'bookingChange', 'sessionReminder', 'slaWarning', 'slaBreach',
  'ticketAcknowledgement', 'ticketAssigned', 'unassignedTicket', 'ticketAtRisk',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds nobody can turn off. A booking change (booked, moved or cancelled, by either side) carries the calendar
 * invitation that keeps both calendars true: without it someone waits in a cancelled call, and a change made by
 * someone else with your session (or with a stolen login) would go unnoticed. A breach notice is the
 * coordinators' duty to act, not a courtesy.
 */
export const MANDATORY_KINDS: readonly NotificationKind[] = ['bookingChange', 'slaBreach'];

/** The kinds that can reach someone of a role: requesters never get staff work, staff never a resolution notice. */
export function kindsFor(role: Role): NotificationKind[] {
  return role === 'requester'
    ? ['ticketReply', 'ticketResolved', 'bookingChange', 'sessionReminder', 'ticketAcknowledgement']
    : NOTIFICATION_KINDS.filter((kind) => kind !== 'ticketResolved' && kind !== 'ticketAcknowledgement');
}

export interface Preferences {
  /** Kinds turned off; never contains a mandatory kind. */
  off: NotificationKind[];
  /** Ticket categories whose new tickets an expert or coordinator wants to hear about. */
  categories: TicketCategory[];
}

export const DEFAULT_PREFERENCES: Preferences = { off: [], categories: [] };

/** Whether a user with these preferences gets a message of this kind (about a ticket in `category`). */
export function wants(preferences: Preferences, kind: NotificationKind, category?: TicketCategory): boolean {
  if (MANDATORY_KINDS.includes(kind)) return true;
  if (preferences.off.includes(kind)) return false;
  if (kind === 'newTicket') return category !== undefined && preferences.categories.includes(category);
  return true;
}
