// Dates, durations and labels for display, in the viewer's locale and time zone (Intl).
import type { TopicId } from '../../../functions/core/topics.ts';
import { DEFAULT_SLA } from '../../../functions/tickets/domain/sla.ts';
import type { Priority } from '../../../functions/tickets/domain/model.ts';
import { TOPIC_TITLES } from './topics.ts';

export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** With the zone's short name ("15 Jan 2027, 17:00 CET"), where the zone matters (due times). */
export function formatDateTimeZoned(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (en-CA formats dates that way). */
export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** Slots grouped by the viewer's calendar day, in order. */
export function groupByDay<T extends { start: string }>(slots: readonly T[], timeZone: string): Array<{ day: string; slots: T[] }> {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    const key = dayKey(slot.start, timeZone);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  return [...days].map(([day, grouped]) => ({ day, slots: grouped }));
}

/** 95 → "1 h 35 min"; 3000 → "2 d 2 h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–';
  const rounded = Math.round(minutes);
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const rest = rounded % 60;
  if (days > 0) return `${days} d${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${rest ? ` ${rest} min` : ''}`;
  // A median of a few seconds is not "0 min".
  return rest === 0 ? 'under 1 min' : `${rest} min`;
}

/** "in 3 h" / "2 d ago" relative to now. */
export function formatDue(iso: string, now = Date.now()): string {
  const minutes = (Date.parse(iso) - now) / 60_000;
  return minutes >= 0 ? `in ${formatMinutes(minutes)}` : `${formatMinutes(-minutes)} ago`;
}

export const humanize = (id: string): string => (id.charAt(0).toUpperCase() + id.slice(1)).replace(/-/g, ' ');

/** A topic id as people know it: the knowledge base's title for it. */
export function topicLabel(id: string): string {
  return TOPIC_TITLES[id as TopicId] ?? humanize(id);
}

/**
 * A priority as a menu shows it, short enough for a phone and a sidebar ("Normal: answer within 8 h", "Normal: within
 * 18 business hours": "answer" goes where the business clock's words need the room); the hint says the rest.
 */
export function priorityChoice(priority: string, policy?: SlaPolicyView): string {
  const configured = policy?.[priority];
  if (configured) {
    const { firstResponse } = configured;
    return `${humanize(priority)}: ${firstResponse.clock === 'business' ? 'within' : 'answer within'} ${slaTargetText(firstResponse)}`;
  }
  const target = DEFAULT_SLA[priority as Priority];
  return target ? `${humanize(priority)}: answer within ${formatMinutes(target.firstResponseMs / 60_000)}` : humanize(priority);
}

/** The centre's SLA settings (GET /api/settings/sla, readable by anyone signed in). */
type SlaPolicyView = Record<string, { firstResponse: { hours: number; clock: 'business' | 'always' }; resolution: { hours: number; clock: 'business' | 'always' } }>;

/** "18 business hours" or "4 h" (round the clock). */
export function slaTargetText(target: { hours: number; clock: 'business' | 'always' }): string {
  return target.clock === 'business' ? `${target.hours} business ${target.hours === 1 ? 'hour' : 'hours'}` : formatMinutes(target.hours * 60);
}

/**
 * A priority with what it promises, for the priority menus: "Urgent: first answer within 4 h, resolved within 2 d".
 * With the centre's SLA settings the configured targets; otherwise (not loaded yet) the built-in ones.
 */
export function priorityOption(priority: string, policy?: SlaPolicyView): string {
  const configured = policy?.[priority];
  if (configured) return `${humanize(priority)}: first answer within ${slaTargetText(configured.firstResponse)}, resolved within ${slaTargetText(configured.resolution)}`;
  const target = DEFAULT_SLA[priority as Priority];
  if (!target) return humanize(priority);
  return `${humanize(priority)}: first answer within ${formatMinutes(target.firstResponseMs / 60_000)}, resolved within ${formatMinutes(target.resolutionMs / 60_000)}`;
}

/** A YYYY-MM-DD day moved by whole days (calendar arithmetic in UTC, so no zone shifts it). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The days of grouped slots that fall in the week starting on `weekStart` (7 days). */
export function daysOfWeek<T extends { day: string }>(days: readonly T[], weekStart: string): T[] {
  const end = addDays(weekStart, 7);
  return days.filter(({ day }) => day >= weekStart && day < end);
}

/** A ticket's address in the app: its reference, the id people see (the API resolves it). */
export const ticketPath = (ticket: { id: string; reference: string }): string => `/app/tickets/${ticket.reference}`;
