import type { Clock } from '../core/clock.ts';
import { bookingEvents } from './domain/booking-events.ts';
import type { DomainEvent } from './domain/events.ts';
import { ticketBefore, ticketEvents } from './domain/ticket-events.ts';
import { handToAll, type EventConsumer } from './consumer.ts';
import type { ChangeSource, CheckpointStore } from './sources.ts';

export interface ChangeFeedDeps {
  source: ChangeSource;
  checkpoints: CheckpointStore;
  consumers: readonly EventConsumer[];
  clock: Clock;
  /**
   * How far back each poll looks again: a write stamped just before a poll may become visible just after it.
   * What is seen twice is harmless (delivery markers); 0 suits a hand-driven clock in tests.
   */
  overlapMs?: number;
}

export interface FeedResult {
  events: number;
  /** What each consumer's `handle` returned, by consumer name. */
  results: Record<string, unknown>;
  checkpoint: string;
}

const CHECKPOINT = 'local-change-feed';

/**
 * The local stand-in for DynamoDB Streams (dynalite has none): polls the tickets' and bookings' indexes for
 * items changed since a persisted checkpoint and feeds the same pure derivation as the stream handler, with
 * the ticket's audit entries before the checkpoint standing in for the old image. The checkpoint moves once
 * every consumer handled every event (an error leaves it, and the next poll hands the same events to every
 * consumer again, as a stream retry does).
 */
export function changeFeed({ source, checkpoints, consumers, clock, overlapMs = 0 }: ChangeFeedDeps) {
  /**
   * Starts the feed just after "now" the first time, so what existed before (the seed, written at "now" under a
   * test's fixed clock too) sends nothing; a test advances its clock before acting.
   */
  async function initialise(): Promise<void> {
    if (!(await checkpoints.getCheckpoint(CHECKPOINT))) await checkpoints.setCheckpoint(CHECKPOINT, new Date(clock.now().getTime() + 1).toISOString());
  }

  async function poll(): Promise<FeedResult> {
    const since = (await checkpoints.getCheckpoint(CHECKPOINT)) ?? clock.now().toISOString();
    const startedAt = clock.now().getTime();
    const [tickets, bookings] = await Promise.all([source.ticketsChangedSince(since), source.bookingsChangedSince(since)]);
    const events: DomainEvent[] = [
      ...tickets.flatMap((ticket) => ticketEvents(ticketBefore(ticket, since), ticket)),
      ...bookings.flatMap((booking) => bookingEvents(undefined, booking)),
    ];
    const results = await handToAll(consumers, events);
    let checkpoint = since;
    const next = new Date(startedAt - overlapMs).toISOString();
    if (next > since) {
      await checkpoints.setCheckpoint(CHECKPOINT, next);
      checkpoint = next;
    }
    return { events: events.length, results, checkpoint };
  }

  return { initialise, poll };
}

export type ChangeFeed = ReturnType<typeof changeFeed>;
