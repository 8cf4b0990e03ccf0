/**
 * What routing needs from its neighbours, each implemented by the owner: expert profiles by bookings
 * (`bookings/expert-directory.ts`), an expert's open tickets by tickets (`tickets/routing-tickets.ts`).
 */
import type { Priority } from '../core/catalog.ts';

/** An expert's routing-relevant profile: what they know, speak and run on. */
export interface RoutingProfile {
  id: string;
  name: string;
  topics: readonly string[];
  languages: readonly string[];
  systems: readonly string[];
}

export interface ExpertProfiles {
  list(): Promise<RoutingProfile[]>;
}

/** One of an expert's new or open tickets, with the due times of its running SLA clocks. */
export interface OpenTicket {
  ticketId: string;
  reference: string;
  subject: string;
  priority: Priority;
  status: string;
  due: string[];
}

export interface ExpertTickets {
  /** The expert's new and open tickets (the assignee index, gsi3). */
  openTicketsOf(expertId: string): Promise<OpenTicket[]>;
}
