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

/** Status intervals from the audit trail: the ticket starts `new` at creation. */
function statusTimeline(createdAt: string, events: readonly TicketEvent[]): Array<{ status: TicketStatus; at: number }> {
  const timeline: Array<{ status: TicketStatus; at: number }> = [{ status: 'new', at: Date.parse(createdAt) }];
  for (const event of events) {
    if (event.type === 'status' && event.to) timeline.push({ status: event.to as TicketStatus, at: Date.parse(event.at) });
  }
  return timeline;
}

/** SLA due times and breaches, from the ticket's history alone (pure: `now` is an argument). */
export function computeSla(input: SlaInput, now: Date, targets: Record<Priority, SlaTarget> = DEFAULT_SLA): SlaState {
  const target = targets[input.priority];
  const timeline = statusTimeline(input.createdAt, input.events);
  const nowMs = now.getTime();
  const pausedBefore = (until: number): number => timeline.reduce((sum, entry, i) => {
    if (!PAUSED.includes(entry.status)) return sum;
    const end = Math.min(timeline[i + 1]?.at ?? nowMs, until);
    return sum + Math.max(0, end - entry.at);
  }, 0);
  const current = timeline[timeline.length - 1]!;
  const created = Date.parse(input.createdAt);
  // A clock is judged when it stopped: first response when it came, resolution when the ticket was resolved.
  const resolvedAt = ['resolved', 'closed'].includes(current.status) ? current.at : undefined;
  const firstResponseAt = input.firstResponseAt ? Date.parse(input.firstResponseAt) : undefined;
  const firstResponseJudged = firstResponseAt ?? resolvedAt ?? nowMs;
  const resolutionJudged = resolvedAt ?? nowMs;
  const firstResponseDue = created + target.firstResponseMs + pausedBefore(firstResponseJudged);
  const resolutionDue = created + target.resolutionMs + pausedBefore(resolutionJudged);
  const firstResponseBreached = firstResponseJudged > firstResponseDue;
  const resolutionBreached = resolutionJudged > resolutionDue;
  return {
    firstResponseDue: new Date(firstResponseDue).toISOString(),
    resolutionDue: new Date(resolutionDue).toISOString(),
    paused: PAUSED.includes(current.status),
    firstResponseBreached,
    resolutionBreached,
    breached: firstResponseBreached || resolutionBreached,
  };
}
