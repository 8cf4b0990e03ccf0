import { computeSla, DEFAULT_SLA_RULES, type SlaRules } from './sla.ts';
import type { Ticket, TicketStatus } from './model.ts';

export interface Deflection {
  id: string;
  at: string;
  orgId: string;
  guide: string;
  section?: string;
}

export interface ServiceFigures {
  windowDays: number;
  from: string;
  to: string;
  backlog: { total: number; byStatus: Record<string, number>; bySystem: Record<string, number> };
  firstResponse: { count: number; medianMinutes: number | null };
  resolution: { count: number; medianMinutes: number | null };
  slaBreaches: { openBreached: number; closedInWindowBreached: number };
  created: number;
  resolved: number;
  deflections: { count: number; topGuides: Array<{ guide: string; count: number }> };
  /** Tickets opened per day in the window, oldest first (for the chart). */
  createdPerDay: Array<{ date: string; count: number }>;
}

const OPEN: readonly TicketStatus[] = ['new', 'open', 'waiting'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const inWindow = (iso: string | undefined, from: number, to: number) => iso !== undefined && Date.parse(iso) >= from && Date.parse(iso) <= to;

/**
 * The coordinator's service figures (pure). `tickets` must hold every ticket open now and every ticket with
 * activity in the window; `deflections` those recorded in the window.
 */
export function serviceFigures(tickets: readonly Ticket[], deflections: readonly Deflection[], now: Date, windowDays: number, rules: SlaRules = DEFAULT_SLA_RULES): ServiceFigures {
  const breached = (t: Ticket) => computeSla(t, now, rules.policy, rules.calendar).breached;
  const to = now.getTime();
  const from = to - windowDays * DAY;
  const open = tickets.filter((t) => OPEN.includes(t.status));
  const byStatus = Object.fromEntries(OPEN.map((status) => [status, open.filter((t) => t.status === status).length]));
  const bySystem: Record<string, number> = {};
  for (const ticket of open) bySystem[ticket.system ?? 'unspecified'] = (bySystem[ticket.system ?? 'unspecified'] ?? 0) + 1;

  const responded = tickets.filter((t) => inWindow(t.firstResponseAt, from, to));
  const resolved = tickets.filter((t) => ['resolved', 'closed'].includes(t.status) && inWindow(t.resolvedAt, from, to));
  const minutes = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / MINUTE;

  const guideCounts = new Map<string, number>();
  for (const d of deflections) guideCounts.set(d.guide, (guideCounts.get(d.guide) ?? 0) + 1);

  const createdPerDay = Array.from({ length: windowDays }, (_, i) => ({
    date: new Date(to - (windowDays - 1 - i) * DAY).toISOString().slice(0, 10),
    count: 0,
  }));
  const dayIndex = new Map(createdPerDay.map((d, i) => [d.date, i]));
  for (const ticket of tickets) {
    const i = dayIndex.get(ticket.createdAt.slice(0, 10));
    if (i !== undefined && inWindow(ticket.createdAt, from, to)) createdPerDay[i]!.count++;
  }

  return {
    windowDays,
    from: new Date(from).toISOString(),
    to: now.toISOString(),
    backlog: { total: open.length, byStatus, bySystem },
    firstResponse: { count: responded.length, medianMinutes: median(responded.map((t) => minutes(t.createdAt, t.firstResponseAt!))) },
    resolution: { count: resolved.length, medianMinutes: median(resolved.map((t) => minutes(t.createdAt, t.resolvedAt!))) },
    slaBreaches: {
      openBreached: open.filter(breached).length,
      closedInWindowBreached: resolved.filter(breached).length,
    },
    created: tickets.filter((t) => inWindow(t.createdAt, from, to)).length,
    resolved: resolved.length,
    deflections: {
      count: deflections.length,
      topGuides: [...guideCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([guide, count]) => ({ guide, count })),
    },
    createdPerDay,
  };
}
