import type { Absence } from './domain/absences.ts';
import type { ServiceCalendar, WeeklyHours } from './domain/calendar.ts';
import type { RoutingSettings } from './domain/routing-settings.ts';
import type { SlaPolicy } from './domain/sla-policy.ts';

/** What coordinators set; each absent until first saved (the domain's defaults stand in). */
export interface StoredSettings {
  'service-hours'?: ServiceCalendar;
  sla?: SlaPolicy;
  routing?: RoutingSettings;
}

/** An expert's counters: new and open tickets assigned, weighted by priority (`LOAD_WEIGHTS`), their number, and when routing last gave them one. */
export interface ExpertCounters {
  /** Kept by counters, healed by `reconcile`. */
  load: number;
  openTickets: number;
  lastAssignedAt?: string;
}

/** Every expert's counters as one read or write answered them (an expert never counted has none). */
export type Counters = Map<string, ExpertCounters>;

/** One expert's routing state: what they set, and the counters routing keeps. */
export interface RosterEntry extends ExpertCounters {
  expertId: string;
  supportHours?: WeeklyHours;
  absences: Absence[];
}

/**
 * Routing's storage port for ticket creation (the tickets function carries it): settings, the roster, claims and
 * counter changes. The DynamoDB adapter is the one implementation, in AWS and locally.
 */
export interface RoutingStore {
  settings(): Promise<StoredSettings>;
  /** Every expert's entry with their counters (an expert with counters but no settings has an entry too). */
  roster(): Promise<RosterEntry[]>;
  /**
   * Draws the next ticket number and adds a ticket of `weight` to the expert's counters (stamping `lastAssignedAt`)
   * in one atomic write, answering the number and every expert's counters after it: the caller learns whether
   * others claimed meanwhile, and everyone's current load to choose again on.
   */
  claim(expertId: string, weight: number, at: string): Promise<{ number: number; counters: Counters }>;
  /** Moves a claim from one expert to another in one atomic write; answers every expert's counters after it. */
  move(from: string, to: string, weight: number, at: string): Promise<Counters>;
  /** Unconditional counter change (a ticket closed, changed priority or owner). */
  adjust(expertId: string, load: number, openTickets: number): Promise<void>;
}

/** What the routing function's admin side and sweep write besides: settings, experts' hours and absences, reconciled counters. */
export interface RoutingAdminStore extends RoutingStore {
  putSetting<N extends keyof StoredSettings>(name: N, value: NonNullable<StoredSettings[N]>): Promise<void>;
  /** What the expert set (support hours, absences); not their counters. */
  rosterEntry(expertId: string): Promise<RosterEntry | undefined>;
  /** null: follow the service calendar again. */
  setSupportHours(expertId: string, hours: WeeklyHours | null): Promise<void>;
  setAbsences(expertId: string, absences: Absence[]): Promise<void>;
  /** Sets the counters to what the tickets say, if the load is still `seenLoad`; false when it moved meanwhile. */
  reconcile(expertId: string, seenLoad: number, load: number, openTickets: number): Promise<boolean>;
}
