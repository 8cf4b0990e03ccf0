import { minutesOfDay, weekdayIndexOf, windowsByWeekday, type MinuteWindow } from '../../core/weekly-hours.ts';
import { civilDateOf, isValidTimeZone, wallClock } from '../../core/zone.ts';
import type { Availability, Slot } from './model.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** No session is longer than this, so claims starting this long before an instant are all that can overlap it. */
export const LONGEST_SESSION_MS = 2 * HOUR;

interface Interval { start: string; end: string }

/** The windows of each weekday (0 = Monday) and of each exception date ('off' for a day off). */
function windowTables(availability: Availability) {
  const weekly = windowsByWeekday(availability.weekly);
  const byDate = new Map<string, MinuteWindow[] | 'off'>();
  for (const e of availability.exceptions) {
    if (e.start === undefined || e.end === undefined) { byDate.set(e.date, 'off'); continue; }
    const existing = byDate.get(e.date);
    if (existing === 'off') continue;
    byDate.set(e.date, [...(existing ?? []), { startMin: minutesOfDay(e.start), endMin: minutesOfDay(e.end) }]);
  }
  return { weekly, byDate };
}

/**
 * Every slot the weekly windows and date exceptions define whose start lies in [fromMs, toMs), as UTC.
 * Windows are stated in the expert's zone, so a 09:00 window is 09:00 local on both sides of a DST change.
 */
export function generateSlots(availability: Availability, fromMs: number, toMs: number): Slot[] {
  const { timeZone, slotMinutes, bufferMinutes } = availability;
  if (!isValidTimeZone(timeZone)) return [];
  const { weekly, byDate } = windowTables(availability);
  const slotMs = slotMinutes * MINUTE;
  const stepMs = slotMs + bufferMinutes * MINUTE;
  const instant = wallClock(timeZone);
  const slots: Slot[] = [];
  const lastDay = civilDateOf(timeZone, toMs);
  for (let day = civilDateOf(timeZone, fromMs); day <= lastDay; day += DAY) {
    const exception = byDate.get(new Date(day).toISOString().slice(0, 10));
    if (exception === 'off') continue;
    const windows = exception ?? weekly[weekdayIndexOf(day)]!;
    for (const window of windows) {
      const windowEnd = instant(day, window.endMin);
      for (let start = instant(day, window.startMin); start + slotMs <= windowEnd; start += stepMs) {
        if (start >= fromMs && start < toMs) slots.push({ start: new Date(start).toISOString(), end: new Date(start + slotMs).toISOString() });
      }
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/** The part of [from, to) an expert can be booked in now: after the minimum notice, within the horizon. */
export function bookableRange(availability: Availability, from: Date, to: Date, now: Date): { from: Date; to: Date } {
  const earliest = now.getTime() + availability.noticeHours * HOUR;
  const latest = now.getTime() + availability.horizonDays * DAY;
  return { from: new Date(Math.max(from.getTime(), earliest)), to: new Date(Math.min(to.getTime(), latest)) };
}

const overlapsAny = (slot: Slot, taken: readonly Interval[]) => taken.some((t) => slot.start < t.end && t.start < slot.end);

/** Free slots in [from, to): generated, within notice and horizon, not overlapping a taken interval. */
export function offeredSlots(availability: Availability, query: { from: Date; to: Date; now: Date; taken: readonly Interval[] }): Slot[] {
  const range = bookableRange(availability, query.from, query.to, query.now);
  if (range.from >= range.to) return [];
  return generateSlots(availability, range.from.getTime(), range.to.getTime()).filter((slot) => !overlapsAny(slot, query.taken));
}

/** The generated slot starting exactly at `start` if the expert offers it now (taken or not). */
export function offeredSlotAt(availability: Availability, start: Date, now: Date): Slot | undefined {
  const range = bookableRange(availability, start, new Date(start.getTime() + 1), now);
  if (range.from >= range.to) return undefined;
  return generateSlots(availability, range.from.getTime(), range.to.getTime()).find((slot) => slot.start === start.toISOString());
}
