// Dates, durations and labels for display: every date and time the app shows goes through here, in the person's
// chosen zone (GET /api/me `timeZone`, set by the shell) or else the browser's, and in their language's conventions.
import type { TopicId } from '../../../functions/core/topics.ts';
import { DEFAULT_SLA } from '../../../functions/tickets/domain/sla.ts';
import type { Priority } from '../../../functions/tickets/domain/model.ts';
import { currentLanguage, t } from './i18n.ts';
import { TOPIC_TITLES } from './topics.ts';
import { TICKET_CATEGORY_LABELS } from './vocabulary.ts';

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

let chosenZone: string | undefined;

/** The shell tells the person's chosen zone (or none: the browser's is used). */
export function setViewerZone(zone: string | null | undefined): void {
  chosenZone = zone || undefined;
}

/** The zone the app shows times in: the person's choice, else the browser's. */
export const viewerZone = (): string => chosenZone ?? browserZone();

/**
 * A time is ambiguous when it is shown in a zone other than the device's clock: then it carries the zone's name.
 * Exported for the test; pages call the formatters.
 */
export const zoneNeedsNaming = (timeZone: string): boolean => timeZone !== browserZone();

/** English keeps the browser's own English (en-GB or en-US dates); another language its conventions. */
const locale = (): string | undefined => (currentLanguage() === 'en' ? undefined : currentLanguage());

const format = (iso: string, options: Intl.DateTimeFormatOptions, timeZone: string): string =>
  new Intl.DateTimeFormat(locale(), { ...options, timeZone }).format(new Date(iso));

const named = (text: string, timeZone: string, always = false): string => (always || zoneNeedsNaming(timeZone) ? `${text} (${timeZone})` : text);

/** "15 Jan 2027, 17:00", with "(Europe/Madrid)" when that is not the device's zone. */
export function formatDateTime(iso: string, timeZone = viewerZone()): string {
  return named(format(iso, { dateStyle: 'medium', timeStyle: 'short' }, timeZone), timeZone);
}

/** Always with the zone named ("Fri, 15 Jan 2027, 17:00 (Europe/Madrid)"), where the zone matters (due times). */
export function formatDateTimeZoned(iso: string, timeZone = viewerZone()): string {
  return named(format(iso, { day: 'numeric', month: 'short', year: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' }, timeZone), timeZone, true);
}

/** A meeting: "15 Jan 2027, 17:00–18:00 (Europe/Madrid)", the zone always named. */
export function formatTimeRange(start: string, end: string, timeZone = viewerZone()): string {
  return named(`${format(start, { dateStyle: 'medium', timeStyle: 'short' }, timeZone)}–${formatTime(end, timeZone)}`, timeZone, true);
}

/** A time of day alone; the caller names the zone (a list of slots under one heading naming it). */
export function formatTime(iso: string, timeZone = viewerZone()): string {
  return format(iso, { timeStyle: 'short' }, timeZone);
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (en-CA formats dates that way). */
export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
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
  if (days > 0) return `${t('{count} d', { count: String(days) })}${hours ? ` ${hours} h` : ''}`;
  if (hours > 0) return `${hours} h${rest ? ` ${rest} min` : ''}`;
  // A median of a few seconds is not "0 min".
  return rest === 0 ? t('under 1 min') : `${rest} min`;
}

/** "in 3 h" / "2 d ago" relative to now. */
export function formatDue(iso: string, now = Date.now()): string {
  const minutes = (Date.parse(iso) - now) / 60_000;
  return minutes >= 0 ? t('in {time}', { time: formatMinutes(minutes) }) : t('{time} ago', { time: formatMinutes(-minutes) });
}

export const humanize = (id: string): string => (id.charAt(0).toUpperCase() + id.slice(1)).replace(/-/g, ' ');

/** A ticket category in the person's language. */
export const categoryLabel = (id: keyof typeof TICKET_CATEGORY_LABELS): string => t(TICKET_CATEGORY_LABELS[id]);

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
  const name = t(humanize(priority));
  if (configured) {
    const { firstResponse } = configured;
    return t(firstResponse.clock === 'business' ? '{priority}: within {time}' : '{priority}: answer within {time}', { priority: name, time: slaTargetText(firstResponse) });
  }
  const target = DEFAULT_SLA[priority as Priority];
  return target ? t('{priority}: answer within {time}', { priority: name, time: formatMinutes(target.firstResponseMs / 60_000) }) : name;
}

/** The centre's SLA settings (GET /api/settings/sla, readable by anyone signed in). */
type SlaPolicyView = Record<string, { firstResponse: { hours: number; clock: 'business' | 'always' }; resolution: { hours: number; clock: 'business' | 'always' } }>;

/** "18 business hours" or "4 h" (round the clock). */
export function slaTargetText(target: { hours: number; clock: 'business' | 'always' }): string {
  return target.clock === 'business' ? t(target.hours === 1 ? '1 business hour' : '{count} business hours', { count: String(target.hours) }) : formatMinutes(target.hours * 60);
}

/**
 * A priority with what it promises, for the priority menus: "Urgent: first answer within 4 h, resolved within 2 d".
 * With the centre's SLA settings the configured targets; otherwise (not loaded yet) the built-in ones.
 */
export function priorityOption(priority: string, policy?: SlaPolicyView): string {
  const configured = policy?.[priority];
  const promise = (first: string, resolved: string) => t('{priority}: first answer within {first}, resolved within {resolved}', { priority: t(humanize(priority)), first, resolved });
  if (configured) return promise(slaTargetText(configured.firstResponse), slaTargetText(configured.resolution));
  const target = DEFAULT_SLA[priority as Priority];
  if (!target) return t(humanize(priority));
  return promise(formatMinutes(target.firstResponseMs / 60_000), formatMinutes(target.resolutionMs / 60_000));
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
