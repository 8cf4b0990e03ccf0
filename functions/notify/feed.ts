import type { Clock } from '../core/clock.ts';
import { bookingEvents } from './domain/booking-events.ts';
import type { DomainEvent } from './domain/events.ts';
import { ticketBefore, ticketEvents } from './domain/ticket-events.ts';
import type { Notifier, Outcome } from './deliver.ts';
import type { ChangeSource } from './sources.ts';
import type { NotifyStore } from './store.ts';

export interface ChangeFeedDeps {
  source: ChangeSource;
  store: NotifyStore;
  notify: Notifier;
  clock: Clock;
  /**
   * How far back each poll looks again: a write stamped just before a poll may become visible just after it.
   * What is seen twice is harmless (delivery markers); 0 suits a hand-driven clock in tests.
   */
  overlapMs?: number;
}

export interface FeedResult {
  events: number;
  outcomes: Outcome[];
  checkpoint: string;
}

const CHECKPOINT = 'local-change-feed';

/**
 * The local stand-in for DynamoDB Streams (dynalite has none): polls the tickets' and bookings' indexes for
 * items changed since a persisted checkpoint and feeds the same pure derivation as the stream handler, with
 * the ticket's audit entries before the checkpoint standing in for the old image. The checkpoint moves once
 * every event was handled (an error leaves it, and the next poll derives the same events again); a delivery the
 * provider refused is the sweep's to retry, as in AWS.
 */
export function changeFeed({ source, store, notify, clock, overlapMs = 0 }: ChangeFeedDeps) {
  /**
   * Starts the feed just after "now" the first time, so what existed before (the seed, written at "now" under a
   * test's fixed clock too) sends nothing; a test advances its clock before acting.
   */
  async function initialise(): Promise<void> {
    if (!(await store.getCheckpoint(CHECKPOINT))) await store.setCheckpoint(CHECKPOINT, new Date(clock.now().getTime() + 1).toISOString());
  }

  async function poll(): Promise<FeedResult> {
    const since = (await store.getCheckpoint(CHECKPOINT)) ?? clock.now().toISOString();
    const startedAt = clock.now().getTime();
    const [tickets, bookings] = await Promise.all([source.ticketsChangedSince(since), source.bookingsChangedSince(since)]);
    const events: DomainEvent[] = [
      ...tickets.flatMap((ticket) => ticketEvents(ticketBefore(ticket, since), ticket)),
      ...bookings.flatMap((booking) => bookingEvents(undefined, booking)),
    ];
    const outcomes = await notify.handle(events);
    let checkpoint = since;
    const next = new Date(startedAt - overlapMs).toISOString();
    if (next > since) {
      await store.setCheckpoint(CHECKPOINT, next);
      checkpoint = next;
    }
    return { events: events.length, outcomes, checkpoint };
  }

  return { initialise, poll };
}

export type ChangeFeed = ReturnType<typeof changeFeed>;
