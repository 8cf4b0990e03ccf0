import type { ServiceCalendar } from '../../routing/domain/calendar.ts';
import { instantAfterCounted } from '../../routing/domain/counted-time.ts';
import { DEFAULT_CALENDAR } from '../../routing/domain/default-calendar.ts';
import { DEFAULT_POLICY, type SlaPolicy, type SlaTargetHours } from '../../routing/domain/sla-policy.ts';
import type { Priority, TicketEvent, TicketStatus } from './model.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SlaTarget {
  firstResponseMs: number;
  resolutionMs: number;
}

/** Calendar-time targets per priority; the figures the About page quotes. */
export const DEFAULT_SLA: Record<Priority, SlaTarget> = {
  urgent: { firstResponseMs: 4 * HOUR, resolutionMs: 2 * DAY },
  high: { firstResponseMs: 8 * HOUR, resolutionMs: 5 * DAY },
  normal: { firstResponseMs: 2 * DAY, resolutionMs: 10 * DAY },
  low: { firstResponseMs: 5 * DAY, resolutionMs: 20 * DAY },
};

/** Calendar-time targets as a policy whose clocks all run round the clock. */
export function roundTheClockPolicy(targets: Record<Priority, SlaTarget>): SlaPolicy {
  const always = (ms: number): SlaTargetHours => ({ hours: ms / HOUR, clock: 'always' });
  const entry = (target: SlaTarget) => ({ firstResponse: always(target.firstResponseMs), resolution: always(target.resolutionMs) });
  return { urgent: entry(targets.urgent), high: entry(targets.high), normal: entry(targets.normal), low: entry(targets.low) };
}

/** DEFAULT_SLA round the clock: the targets before the service calendar (kept to compare with, and for tests). */
export const CALENDAR_TIME_POLICY = roundTheClockPolicy(DEFAULT_SLA);

/** The calendar and policy a ticket's clocks run on: coordinators' settings, read through routing. */
export interface SlaRules {
  policy: SlaPolicy;
  calendar: ServiceCalendar;
}

/** Until coordinators change them: DEFAULT_POLICY (urgent round the clock, the rest in business hours) on DEFAULT_CALENDAR. */
export const DEFAULT_SLA_RULES: SlaRules = { policy: DEFAULT_POLICY, calendar: DEFAULT_CALENDAR };

/** While a ticket waits on the requester (or sits resolved awaiting confirmation) its clocks stand still. */
const PAUSED: readonly TicketStatus[] = ['waiting', 'resolved', 'closed'];

export interface SlaState {
  firstResponseDue: string;
  resolutionDue: string;
  paused: boolean;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  breached: boolean;
}

export interface SlaInput {
  priority: Priority;
  createdAt: string;
  firstResponseAt?: string;
  events: readonly TicketEvent[];
}

interface Interval { start: number; end: number }

/** Status intervals from the audit trail: the ticket starts `new` at creation. */
function statusTimeline(createdAt: string, events: readonly TicketEvent[]): Array<{ status: TicketStatus; at: number }> {
  const timeline: Array<{ status: TicketStatus; at: number }> = [{ status: 'new', at: Date.parse(createdAt) }];
  for (const event of events) {
    if (event.type === 'status' && event.to) timeline.push({ status: event.to as TicketStatus, at: Date.parse(event.at) });
  }
  return timeline;
}

/** The stretches spent in a paused status, the current one lasting until now. */
function pausesOf(timeline: Array<{ status: TicketStatus; at: number }>, nowMs: number): Interval[] {
  return timeline.flatMap((entry, i) => (PAUSED.includes(entry.status) ? [{ start: entry.at, end: timeline[i + 1]?.at ?? nowMs }] : []));
}

/**
 * SLA due times and breaches, from the ticket's history alone (pure: `now` is an argument). A due time is the
 * instant at which the target's clock (business hours on the calendar, or round the clock) has counted the
 * target, less the time the ticket was paused before the clock was judged. A clock is judged when it stopped
 * (first response given, ticket resolved) or now, so pauses after it stopped do not move it; while a ticket
 * waits, the pause lasts until now and the due time moves with it.
 */
export function computeSla(input: SlaInput, now: Date, policy: SlaPolicy = DEFAULT_POLICY, calendar: ServiceCalendar = DEFAULT_CALENDAR): SlaState {
  const { firstResponseJudged, resolutionJudged, dueFor } = clocksOf(input, now, policy, calendar);
  const firstResponseDue = dueFor('firstResponse', firstResponseJudged);
  const resolutionDue = dueFor('resolution', resolutionJudged);
  const firstResponseBreached = firstResponseJudged > firstResponseDue;
  const resolutionBreached = resolutionJudged > resolutionDue;
  return {
    firstResponseDue: new Date(firstResponseDue).toISOString(),
    resolutionDue: new Date(resolutionDue).toISOString(),
    paused: PAUSED.includes(statusTimeline(input.createdAt, input.events).at(-1)!.status),
    firstResponseBreached,
    resolutionBreached,
    breached: firstResponseBreached || resolutionBreached,
  };
}

/**
 * When each clock has counted `share` of its target (the 75 % warning), on the same clock and with the same
 * pauses as computeSla: on a business clock that is not the due time less a share of wall-clock time.
 */
export function instantsAtShare(input: SlaInput, now: Date, share: number, policy: SlaPolicy = DEFAULT_POLICY, calendar: ServiceCalendar = DEFAULT_CALENDAR): Record<'firstResponse' | 'resolution', string> {
  const { firstResponseJudged, resolutionJudged, dueFor } = clocksOf(input, now, policy, calendar);
  return {
    firstResponse: new Date(dueFor('firstResponse', firstResponseJudged, share)).toISOString(),
    resolution: new Date(dueFor('resolution', resolutionJudged, share)).toISOString(),
  };
}

/** A ticket's two clocks: when each is judged, and when it counts (a share of) its target. */
function clocksOf(input: SlaInput, now: Date, policy: SlaPolicy, calendar: ServiceCalendar) {
  const targets = policy[input.priority];
  const timeline = statusTimeline(input.createdAt, input.events);
  const nowMs = now.getTime();
  const pauses = pausesOf(timeline, nowMs);
  const current = timeline[timeline.length - 1]!;
  const created = Date.parse(input.createdAt);
  const resolvedAt = ['resolved', 'closed'].includes(current.status) ? current.at : undefined;
  const firstResponseAt = input.firstResponseAt ? Date.parse(input.firstResponseAt) : undefined;
  const firstResponseJudged = firstResponseAt ?? resolvedAt ?? nowMs;
  const resolutionJudged = resolvedAt ?? nowMs;
  const dueFor = (name: 'firstResponse' | 'resolution', judged: number, share = 1) => {
    const target: SlaTargetHours = targets[name];
    return instantAfterCounted(created, share * target.hours * HOUR, target.clock, calendar,
      pauses.map((pause) => ({ start: pause.start, end: Math.min(pause.end, judged) })));
  };
  return { firstResponseJudged, resolutionJudged, dueFor };
}
