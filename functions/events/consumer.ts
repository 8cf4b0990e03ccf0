import type { DomainEvent } from './domain/events.ts';

/**
 * A capability that acts on what happened (notify first; routing and analytics next). The same events may
 * come again (a stream retry, the local feed's overlap, another consumer's failure making the change be
 * handed to every consumer again), so `handle` must be idempotent, typically through records keyed by
 * `eventId`. It throws only for errors that should make the change be handed again.
 */
export interface EventConsumer {
  /** Names the consumer in the feed's results. */
  name: string;
  handle(events: DomainEvent[]): Promise<unknown>;
}

/** Hands the events to every consumer in turn: the first error stops and is thrown (the change is handed again). */
export async function handToAll(consumers: readonly EventConsumer[], events: DomainEvent[]): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const consumer of consumers) results[consumer.name] = await consumer.handle(events);
  return results;
}
