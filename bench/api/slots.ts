/**
 * Micro-benchmark of slot generation, the pure function behind GET /api/experts/:id/slots: a 60-day range of
 * weekday windows in Europe/Helsinki (two DST-free months, plus one with a change when the clock says so),
 * with date exceptions and booked sessions to leave out. Target: median at most 5 ms.
 * Run: npx tsx bench/api/slots.ts
 */
import { performance } from 'node:perf_hooks';
import type { Availability } from '../../functions/bookings/domain/model.ts';
import { offeredSlots } from '../../functions/bookings/domain/slots.ts';
import { median } from '../lib/stats.ts';

const DAY = 86_400_000;
export const SLOT_BENCH_TARGET_MS = 5;

const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const availability: Availability = {
  timeZone: 'Europe/Helsinki',
  slotMinutes: 30,
  weekly: WORKDAYS.flatMap((day) => [{ day, start: '09:00', end: '12:00' }, { day, start: '13:00', end: '17:30' }]),
  exceptions: [{ date: '2026-03-10' }, { date: '2026-03-17', start: '10:00', end: '11:00' }, { date: '2026-04-06' }],
  bufferMinutes: 0,
  noticeHours: 24,
  horizonDays: 60,
};

export interface SlotBenchResult {
  runs: number;
  rangeDays: number;
  slots: number;
  booked: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  targetMs: number;
  met: boolean;
}

/** Times `offeredSlots` over 60 days (spanning the 2026-03-29 change) `runs` times after a warm-up. */
export function runSlotBench(runs = 300): SlotBenchResult {
  const now = new Date('2026-03-01T06:00:00Z');
  const from = now;
  const to = new Date(now.getTime() + 60 * DAY);
  // Every seventh slot booked, as claims would come back from storage.
  const taken = Array.from({ length: 40 }, (_, i) => {
    const start = Date.parse('2026-03-02T07:00:00Z') + i * 36 * 3_600_000;
    return { start: new Date(start).toISOString(), end: new Date(start + 30 * 60_000).toISOString() };
  });
  let slots = 0;
  for (let i = 0; i < 30; i++) slots = offeredSlots(availability, { from, to, now, taken }).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    slots = offeredSlots(availability, { from, to, now, taken }).length;
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const medianMs = median(times);
  return {
    runs, rangeDays: 60, slots, booked: taken.length,
    medianMs, p95Ms: sorted[Math.floor(runs * 0.95)]!, minMs: sorted[0]!,
    targetMs: SLOT_BENCH_TARGET_MS, met: medianMs <= SLOT_BENCH_TARGET_MS,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = runSlotBench();
  console.log(`Slot generation, ${result.rangeDays}-day range, ${result.slots} free slots (${result.booked} booked intervals), ${result.runs} runs:`);
  console.log(`  median ${result.medianMs.toFixed(3)} ms, p95 ${result.p95Ms.toFixed(3)} ms, min ${result.minMs.toFixed(3)} ms`);
  console.log(`  target: median <= ${result.targetMs} ms: ${result.met ? 'met' : 'NOT met'}`);
  if (!result.met) process.exitCode = 1;
}
