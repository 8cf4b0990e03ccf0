/**
 * Who a new ticket goes to, and why, in a coordinator's words. Pure: the caller reads the roster (with each
 * expert's load), the settings and the calendar, and records the answer as the ticket's `assigned` event.
 *
 * The rules (functions/routing/README.md says why):
 * 1. Auto-assignment off: nobody; a coordinator assigns.
 * 2. The pool: the category's ordered list when coordinators set one, otherwise everyone whose categories
 *    include the ticket's.
 * 3. Away experts (an absence covers now) are out. If that leaves nobody, the ticket stays unassigned.
 * 4. Those on duty now (their support hours in their own zone, or the service calendar) come first; when nobody
 *    is, the one whose next duty starts soonest (at 3 am the ticket still gets an owner, who sees it first).
 * 5. Among equals there: with a list, list order; otherwise the better fit (topic, then system, then language,
 *    each outranking all later ones), then the lower load, then round robin (assigned longest ago; never
 *    assigned first), then id, so the answer never depends on the roster's order.
 */
import type { Priority } from '../../core/catalog.ts';
import type { Absence } from './absences.ts';
import type { ServiceCalendar, WeeklyHours } from './calendar.ts';
import { dutyOf, type Duty } from './duty.ts';
import type { RoutingSettings } from './routing-settings.ts';
import { categoryLabel, languageName, momentText, primaryLanguage, topicWords, workloadText } from './wording.ts';

export interface TicketToRoute {
  category: string;
  topic?: string;
  system?: string;
  /** The requester's preferred language (BCP 47). */
  language?: string;
  priority: Priority;
}

export interface Candidate {
  id: string;
  name: string;
  /** Ticket categories they handle. */
  categories: readonly string[];
  topics: readonly string[];
  systems: readonly string[];
  /** BCP 47 tags; "es" and "es-ES" both speak Spanish. */
  languages: readonly string[];
  /** Absent: they follow the service calendar (its hours and holidays). */
  supportHours?: WeeklyHours;
  absences: readonly Absence[];
  /** New and open tickets assigned, weighted by priority (`loadOf`). */
  load: number;
  /** The number of those tickets, for the reason's words; without it the reason quotes the load. */
  openTickets?: number;
  lastAssignedAt?: string;
}

export type Fit = 'topic' | 'system' | 'language';

/** How each expert in the pool stood, best placed first; shown to coordinators who ask "why not Mikko?". */
export interface Consideration {
  expertId: string;
  name: string;
  duty: Duty['state'];
  nextDutyAt?: string;
  awayUntil?: string;
  fits: Fit[];
  load: number;
}

export type Assignment =
  | { assigneeId: string; assigneeName: string; reason: string; considered: Consideration[] }
  | { assigneeId: null; reason: string; considered: Consideration[] };

export interface RoutingContext {
  settings: RoutingSettings;
  calendar: ServiceCalendar;
  now: Date;
  /** The topic's label ("Multi-GPU and multi-node training"); by default its id as words. */
  topicLabel?: (topic: string) => string;
}

interface Assessed {
  expert: Candidate;
  duty: Duty;
  fits: Fit[];
  listIndex: number;
}

function fitsOf(ticket: TicketToRoute, expert: Candidate): Fit[] {
  const fits: Fit[] = [];
  if (ticket.topic && expert.topics.includes(ticket.topic)) fits.push('topic');
  if (ticket.system && ticket.system !== 'other' && expert.systems.includes(ticket.system)) fits.push('system');
  const language = ticket.language && primaryLanguage(ticket.language);
  if (language && expert.languages.some((tag) => primaryLanguage(tag) === language)) fits.push('language');
  return fits;
}

/** Topic outranks system and language together; system outranks language. */
const fitRank = (fits: readonly Fit[]) => (fits.includes('topic') ? 4 : 0) + (fits.includes('system') ? 2 : 0) + (fits.includes('language') ? 1 : 0);
const lastAssigned = (expert: Candidate) => (expert.lastAssignedAt ? Date.parse(expert.lastAssignedAt) : Number.NEGATIVE_INFINITY);
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** When an available expert can start: now if on duty, else their next support hours. */
const dutyStart = (a: Assessed, nowMs: number) => (a.duty.state === 'off duty' ? a.duty.nextAt : nowMs);

function byPreference(ordered: boolean) {
  return (a: Assessed, b: Assessed): number => (ordered ? a.listIndex - b.listIndex : 0)
    || fitRank(b.fits) - fitRank(a.fits)
    || a.expert.load - b.expert.load
    || lastAssigned(a.expert) - lastAssigned(b.expert)
    || compareIds(a.expert.id, b.expert.id);
}

function poolOf(ticket: TicketToRoute, candidates: readonly Candidate[], settings: RoutingSettings): { ordered: boolean; pool: Array<{ expert: Candidate; listIndex: number }> } {
  const choice = settings.categories[ticket.category];
  if (choice === undefined || choice === 'anyone') {
    return { ordered: false, pool: candidates.filter((c) => c.categories.includes(ticket.category)).map((expert) => ({ expert, listIndex: 0 })) };
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return { ordered: true, pool: choice.flatMap((id, listIndex) => (byId.has(id) ? [{ expert: byId.get(id)!, listIndex }] : [])) };
}

function considerationOf(a: Assessed): Consideration {
  const { expert, duty } = a;
  return {
    expertId: expert.id, name: expert.name, duty: duty.state, fits: a.fits, load: expert.load,
    ...(duty.state === 'off duty' ? { nextDutyAt: new Date(duty.nextAt).toISOString() } : {}),
    ...(duty.state === 'away' ? { awayUntil: new Date(duty.until).toISOString() } : {}),
  };
}

/** Why someone was passed over: "Mikko Virtanen is away until Tue 12 January". */
function whyNot(a: Assessed, calendar: ServiceCalendar, nowMs: number): string {
  const { duty, expert } = a;
  if (duty.state === 'away') return `${expert.name} is away until ${momentText(duty.until, calendar.timeZone, nowMs)}`;
  if (duty.state === 'off duty') return `${expert.name} is off duty until ${momentText(duty.nextAt, calendar.timeZone, nowMs)}`;
  if (duty.state === 'no hours soon') return `${expert.name} has no support hours in the next two weeks`;
  return `${expert.name} was placed lower`;
}

/** "distributed training, LUMI, speaks Spanish, 2 open tickets"; the category stands in for an unmatched topic. */
function fitWords(ticket: TicketToRoute, chosen: Assessed, context: RoutingContext): string[] {
  const words: string[] = [];
  if (chosen.fits.includes('topic')) words.push((context.topicLabel ?? topicWords)(ticket.topic!));
  else words.push(categoryLabel(ticket.category));
  if (chosen.fits.includes('system')) words.push(ticket.system!);
  if (chosen.fits.includes('language')) words.push(`speaks ${languageName(ticket.language!)}`);
  words.push(workloadText(chosen.expert));
  return words;
}

function assignedReason(ticket: TicketToRoute, ranked: Assessed[], ordered: boolean, context: RoutingContext): string {
  const nowMs = context.now.getTime();
  const chosen = ranked[0]!;
  const label = categoryLabel(ticket.category);
  const words = fitWords(ticket, chosen, context);
  if (ordered) {
    words.unshift(`first ${chosen.duty.state === 'on duty' ? 'on duty' : 'back on duty'} on the ${label} list`);
  } else {
    const runnerUp = ranked[1];
    const tied = runnerUp && dutyStart(runnerUp, nowMs) === dutyStart(chosen, nowMs) && fitRank(runnerUp.fits) === fitRank(chosen.fits) && runnerUp.expert.load === chosen.expert.load;
    if (tied) words.push('next in turn');
  }
  const when = chosen.duty.state === 'off duty' ? `, first back on duty (${momentText(chosen.duty.nextAt, context.calendar.timeZone, nowMs)}) as nobody is on duty now` : '';
  return `assigned to ${chosen.expert.name}${when}: ${words.join(', ')}`;
}

/** The pure routing decision for one new ticket (see the rules at the top of this file). */
export function chooseAssignee(ticket: TicketToRoute, candidates: readonly Candidate[], context: RoutingContext): Assignment {
  const { settings, calendar } = context;
  const nowMs = context.now.getTime();
  const label = categoryLabel(ticket.category);
  if (!settings.autoAssign) return { assigneeId: null, reason: 'auto-assignment is off: a coordinator assigns this ticket', considered: [] };
  const { ordered, pool } = poolOf(ticket, candidates, settings);
  if (pool.length === 0) {
    return { assigneeId: null, reason: ordered ? `the ${label} list names no current expert` : `no expert handles ${label}`, considered: [] };
  }
  const assessed: Assessed[] = pool.map(({ expert, listIndex }) => ({ expert, listIndex, duty: dutyOf(expert, calendar, nowMs), fits: fitsOf(ticket, expert) }));
  const isAvailable = (a: Assessed) => a.duty.state === 'on duty' || a.duty.state === 'off duty';
  const preference = byPreference(ordered);
  const ranked = assessed.filter(isAvailable).sort((a, b) => dutyStart(a, nowMs) - dutyStart(b, nowMs) || preference(a, b));
  // Those back soonest are named first: they are whom a coordinator might wait for.
  const backAt = (a: Assessed) => (a.duty.state === 'away' ? a.duty.until : Number.POSITIVE_INFINITY);
  const passedOver = assessed.filter((a) => !isAvailable(a)).sort((a, b) => backAt(a) - backAt(b) || preference(a, b));
  const considered = [...ranked, ...passedOver].map(considerationOf);
  const chosen = ranked[0];
  if (!chosen) {
    const who = ordered ? `nobody on the ${label} list` : `nobody with expertise in ${label}`;
    return { assigneeId: null, reason: `${who} is available: ${passedOver.map((a) => whyNot(a, calendar, nowMs)).join('; ')}`, considered };
  }
  let reason = assignedReason(ticket, ranked, ordered, context);
  if (ordered) {
    const ahead = assessed.filter((a) => a.listIndex < chosen.listIndex);
    if (ahead.length) reason += ` (${ahead.map((a) => whyNot(a, calendar, nowMs)).join('; ')})`;
  }
  return { assigneeId: chosen.expert.id, assigneeName: chosen.expert.name, reason, considered };
}
