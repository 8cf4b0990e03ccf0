import type { Clock } from '../core/clock.ts';
import { DEFAULT_SLA_RULES, type SlaRules } from '../tickets/domain/sla.ts';
import type { NotifyEvent } from './domain/events.ts';
import { atRiskEvents } from './domain/at-risk.ts';
import { dueEscalations } from './domain/escalation.ts';
import type { Absence } from '../routing/domain/absences.ts';
import { dueReminder, LONGEST_LEAD_MS } from './domain/reminders.ts';
import type { Notifier, Outcome } from './deliver.ts';
import type { SweepSource } from './sources.ts';
import type { NotifyStore } from './store.ts';

export interface SweepDeps {
  source: SweepSource;
  store: NotifyStore;
  notify: Notifier;
  clock: Clock;
  /** The service calendar and SLA policy the clocks run on (coordinators' settings; briefly cached). */
  slaRules?: () => Promise<SlaRules>;
  /** Each expert's absences (routing's roster), for the tickets at risk while their assignee is away. */
  absences?: () => Promise<ReadonlyMap<string, readonly Absence[]>>;
  /** A failed delivery is tried again by the sweep once it has rested this long. */
  retryAfterMs?: number;
  /** A delivery still `sending` after this long lost its sender (a crash): it is parked in doubt. */
  inDoubtAfterMs?: number;
  /** Most deliveries retried or parked per run. */
  batch?: number;
}

export interface SweepResult {
  reminders: number;
  escalations: number;
  outcomes: Outcome[];
  retried: Outcome[];
  parkedInDoubt: number;
}

const MINUTE = 60_000;
/** Sessions last at most a few hours: look this far past the longest reminder lead for their ends. */
const SESSION_ENDS_WITHIN_MS = LONGEST_LEAD_MS + 24 * 60 * MINUTE;

/**
 * The scheduled half of notifications (EventBridge Scheduler in AWS, a timer locally): session reminders,
 * SLA escalation, retries of failed and replayed deliveries, and parking deliveries a crash left in doubt.
 * Every candidate comes from an index query; every message is once-only through its event id.
 */
export function sweeper({ source, store, notify, clock, slaRules = async () => DEFAULT_SLA_RULES, absences = async () => new Map(), retryAfterMs = 5 * MINUTE, inDoubtAfterMs = 15 * MINUTE, batch = 100 }: SweepDeps) {
  async function reminders(now: Date): Promise<NotifyEvent[]> {
    const sessions = await source.bookedSessionsEndingBetween(now.toISOString(), new Date(now.getTime() + SESSION_ENDS_WITHIN_MS).toISOString());
    const events: NotifyEvent[] = [];
    for (const session of sessions) {
      if (!dueReminder(session, now)) continue;
      // The index may lag a cancellation or a move: decide on the record itself.
      const current = await source.getBooking(session.id);
      const reminder = current && current.start === session.start && current.sequence === session.sequence ? dueReminder(current, now) : undefined;
      if (reminder) events.push(reminder);
    }
    return events;
  }

  async function run(): Promise<SweepResult> {
    const now = clock.now();
    const [reminderEvents, tickets, rules, away] = await Promise.all([reminders(now), source.ticketsWithRunningClocks(), slaRules(), absences()]);
    const escalationEvents = tickets.flatMap((ticket) => dueEscalations(ticket, now, rules));
    const outcomes = await notify.handle([...reminderEvents, ...escalationEvents, ...atRiskEvents(tickets, away, now, rules)]);

    const retried: Outcome[] = [];
    for (const record of await store.listRetryable(new Date(now.getTime() - retryAfterMs).toISOString(), batch)) retried.push(await notify.retry(record));

    const inDoubtBefore = new Date(now.getTime() - inDoubtAfterMs).toISOString();
    let parkedInDoubt = 0;
    for (const record of await store.listStaleSending(inDoubtBefore, batch)) {
      if (await store.parkInDoubt(record.id, clock.now().toISOString(), inDoubtBefore)) parkedInDoubt++;
    }
    return { reminders: reminderEvents.length, escalations: escalationEvents.length, outcomes, retried, parkedInDoubt };
  }

  return { run };
}

export type Sweeper = ReturnType<typeof sweeper>;
