// Response shapes, inferred from the API's own zod schemas (type-only imports: nothing is bundled).
import type { z } from 'zod/mini';
import type { FiguresSchema, MeSchema, MessageSchema, TicketSchema, TicketSummarySchema } from '../../../../functions/tickets/responses.ts';
import type { AllowanceSchema, BookingSchema, ExpertSchema, OrganisationListSchema, OwnProfileSchema, SlotListSchema } from '../../../../functions/bookings/responses.ts';
import type { AvailabilityBody, ExpertProfileBody } from '../../../../functions/bookings/schemas.ts';
import type { PreferencesSchema } from '../../../../functions/notify/responses.ts';
import type { PreferencesBody } from '../../../../functions/notify/schemas.ts';
import type { Problem, ProblemCode } from '../../../../functions/core/problem.ts';

export type Me = z.infer<typeof MeSchema>;
export type Role = Me['role'];
export type TicketSummary = z.infer<typeof TicketSummarySchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
export type Expert = z.infer<typeof ExpertSchema>;
export type SlotList = z.infer<typeof SlotListSchema>;
export type Booking = z.infer<typeof BookingSchema>;
export type Allowance = z.infer<typeof AllowanceSchema>;
export type Availability = z.input<typeof AvailabilityBody>;
export type OrganisationAllowance = z.infer<typeof OrganisationListSchema>['items'][number];
export type OwnProfile = z.infer<typeof OwnProfileSchema>;
export type ProfileChange = z.input<typeof ExpertProfileBody>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type PreferencesChange = z.input<typeof PreferencesBody>;
export type TicketEvent = NonNullable<Ticket['events']>[number];
export type { Problem, ProblemCode };

export interface Page<T> {
  items: T[];
  cursor?: string;
}

// Issue 13 (routing, service hours, SLA settings): declared here from /work/wt/notes/i13-contract.md until the
// API's responses.ts for them exist; then inferred like the rest.
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export interface WeeklyWindow { day: Weekday; start: string; end: string }
export interface ServiceHours { timeZone: string; weekly: WeeklyWindow[]; holidays: string[] }
export interface SupportHours { timeZone: string; weekly: WeeklyWindow[]; followsServiceHours?: boolean }
export type SlaClock = 'business' | 'always';
export interface SlaTarget { hours: number; clock: SlaClock }
export type SlaSettings = Record<'urgent' | 'high' | 'normal' | 'low', { firstResponse: SlaTarget; resolution: SlaTarget }>;
export interface RoutingSettings { autoAssign: boolean; categories: Partial<Record<string, string[] | 'anyone'>> }
export interface Absence { from: string; until: string; note?: string }
export interface Absences { absences: Absence[] }
export interface Duty { state: 'on duty' | 'off duty' | 'away' | 'no hours soon'; nextAt?: string; until?: string }
export interface TicketAtRisk { ticketId: string; reference: string; subject: string; due: string }
export interface ExpertRoster {
  id: string;
  name: string;
  categories: string[];
  topics: string[];
  systems: string[];
  languages: string[];
  supportHours: SupportHours | null;
  absences: Absence[];
  load: number;
  openTickets: number;
  lastAssignedAt: string | null;
  duty: Duty;
  atRisk: TicketAtRisk[];
}
export interface Reassigned { reassigned: Array<{ ticketId: string; reference: string; assigneeId: string | null; reason: string }> }
/** What issue 13 adds to a ticket and its events. */
export interface Assignment { reason: string; auto: boolean; at: string }
export type RoutedTicket = Ticket & { assignment?: Assignment };
export type RoutedEvent = TicketEvent & { reason?: string };
