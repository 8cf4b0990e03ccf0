/** The words routing reasons are made of: labels a coordinator knows, times in the centre's zone. */
import { TICKET_CATEGORY_LABELS } from '../../core/catalog.ts';

export function categoryLabel(category: string): string {
  return (TICKET_CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

/** A topic id as words ("distributed-training" reads "distributed training"), when no label is supplied. */
export function topicWords(topic: string): string {
  return topic.replaceAll('-', ' ');
}

/** The primary language subtag, lower case: "es-ES" and "es" are both Spanish. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

// Made on first use, not at import: constructing it loads ICU's display-name data, ~10 ms of the cold start of
// every function that routes (tickets, routing), while only a reason naming a language reads it.
let languageNames: Intl.DisplayNames | undefined;

/** The language's English name ("es-ES" gives "Spanish"), or the tag itself when Intl does not know it. */
export function languageName(tag: string): string {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
  try {
    return languageNames.of(primaryLanguage(tag)) ?? tag;
  } catch {
    return tag;
  }
}

export function openTicketsText(count: number): string {
  return count === 0 ? 'no open tickets' : count === 1 ? '1 open ticket' : `${count} open tickets`;
}

/** "Load 2.5" for a load with no ticket count: weighted by priority, so not a count. */
export function workloadText(expert: { load: number; openTickets?: number }): string {
  return expert.openTickets === undefined ? `load ${expert.load}` : openTicketsText(expert.openTickets);
}

/** "Brussels" for Europe/Brussels, "Buenos Aires" for America/Argentina/Buenos_Aires. */
function placeOf(timeZone: string): string {
  return timeZone.split('/').at(-1)!.replaceAll('_', ' ');
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatted(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, ...options });
    formats.set(key, format);
  }
  return format.format(new Date(ms));
}

/**
 * An instant as a coordinator reads it in the centre's zone: "Mon 18 January at 09:00 Brussels time", with the
 * year when it is not this year's, and just the day ("Tue 12 January") at midnight, when an absence ends.
 */
export function momentText(ms: number, timeZone: string, nowMs: number): string {
  const yearOf = (at: number) => formatted(at, timeZone, { year: 'numeric' });
  const date: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', ...(yearOf(ms) === yearOf(nowMs) ? {} : { year: 'numeric' }) };
  const time = formatted(ms, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (time === '00:00') return formatted(ms, timeZone, date);
  return `${formatted(ms, timeZone, { ...date, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} ${placeOf(timeZone)} time`;
}
