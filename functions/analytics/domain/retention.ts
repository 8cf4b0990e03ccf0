/** The UTC day an event is counted on, and when its counters expire: 13 months after that day. */

export const KEEP_MONTHS = 13;

export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Epoch seconds at which DynamoDB's TTL may remove a day's counters. */
export function expiresAtOf(day: string): number {
  const start = new Date(`${day}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() + KEEP_MONTHS);
  return Math.floor(start.getTime() / 1000);
}

/** The `days` days ending with today's, oldest first. */
export function lastDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => dayOf(new Date(today - (days - 1 - i) * 86_400_000)));
}
