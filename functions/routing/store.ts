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

/** One expert's routing state: what they set, and the counters routing keeps. */
export interface RosterEntry {
  expertId: string;
  supportHours?: WeeklyHours;
  absences: Absence[];
  /** New and open tickets assigned, weighted by priority (`LOAD_WEIGHTS`); kept by counters, healed by `reconcile`. */
  load: number;
  openTickets: number;
  lastAssignedAt?: string;
}

/** Routing's storage port; the DynamoDB adapter is the one implementation, in AWS and locally. */
export interface RoutingStore {
  settings(): Promise<StoredSettings>;
  putSetting<N extends keyof StoredSettings>(name: N, value: NonNullable<StoredSettings[N]>): Promise<void>;
  roster(): Promise<RosterEntry[]>;
  rosterEntry(expertId: string): Promise<RosterEntry | undefined>;
  /** null: follow the service calendar again. */
  setSupportHours(expertId: string, hours: WeeklyHours | null): Promise<void>;
  setAbsences(expertId: string, absences: Absence[]): Promise<void>;
  /**
   * Adds a ticket to the expert's counters (one atomic ADD, also stamping `lastAssignedAt`) and answers the
   * counters after it: the caller learns whether others claimed meanwhile, and may choose again (releasing this).
   */
  claim(expertId: string, weight: number, at: string): Promise<{ load: number; openTickets: number }>;
  /** Unconditional counter change (a ticket closed, changed priority or owner). */
  adjust(expertId: string, load: number, openTickets: number): Promise<void>;
  /** Sets the counters to what the tickets say, if the load is still `seenLoad`; false when it moved meanwhile. */
  reconcile(expertId: string, seenLoad: number, load: number, openTickets: number): Promise<boolean>;
}
