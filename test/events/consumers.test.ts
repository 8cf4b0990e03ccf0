import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../functions/core/clock.ts';
import type { EventConsumer } from '../../functions/events/consumer.ts';
import type { DomainEvent, TicketFacts } from '../../functions/events/domain/events.ts';
import { changeFeed } from '../../functions/events/feed.ts';
import type { ChangeSource, CheckpointStore } from '../../functions/events/sources.ts';
import { handleStreamBatch, type StreamRecord } from '../../functions/events/stream.ts';
import { ticketKey } from '../../functions/tickets/keys.ts';

const NOW = '2026-11-30T08:00:00.000Z';

function ticketOpenedAt(id: string, at: string): TicketFacts {
  return {
    id, reference: `HD-${id}`, subject: 's', orgId: 'aurora-ai', requesterId: 'u-maria', requesterName: 'María', category: 'performance',
    priority: 'normal', status: 'new', assigneeId: null, assigneeName: null, createdAt: at,
    events: [{ at, type: 'created', actorId: 'u-maria', actorName: 'María' }],
  };
}

/** A consumer that records what it was handed and fails while `failing` is set. */
function recorder(name: string) {
  const seen: string[] = [];
  const consumer: EventConsumer & { seen: string[]; failing: boolean } = {
    name, seen, failing: false,
    async handle(events: DomainEvent[]) {
      if (consumer.failing) throw new Error(`${name} is down`);
      seen.push(...events.map((event) => event.eventId));
      return events.length;
    },
  };
  return consumer;
}

describe('the stream handler with several consumers', () => {
  const record = (id: string, sequence: string): StreamRecord => ({
    eventName: 'INSERT',
    dynamodb: { NewImage: marshall({ ...ticketOpenedAt(id, NOW), ...ticketKey(id) }, { removeUndefinedValues: true }), SequenceNumber: sequence },
  });

  it('hands every record to each consumer in order, and reports a record any of them fails with every later one', async () => {
    const notify = recorder('notify');
    const routing = recorder('routing');
    expect(await handleStreamBatch([record('t1', '1'), record('t2', '2')], [notify, routing])).toEqual({ batchItemFailures: [] });
    expect(notify.seen).toEqual(['T#t1#0', 'T#t2#0']);
    expect(routing.seen).toEqual(['T#t1#0', 'T#t2#0']);

    routing.failing = true;
    const errors: unknown[] = [];
    const batch = [record('t3', '3'), record('t4', '4')];
    expect(await handleStreamBatch(batch, [notify, routing], (error) => errors.push(error)))
      .toEqual({ batchItemFailures: [{ itemIdentifier: '3' }, { itemIdentifier: '4' }] });
    expect(errors).toHaveLength(1);
    // Lambda hands the failed records again: the consumer that had them sees them twice (hence idempotent).
    routing.failing = false;
    expect(await handleStreamBatch(batch, [notify, routing])).toEqual({ batchItemFailures: [] });
    expect(notify.seen.slice(2)).toEqual(['T#t3#0', 'T#t3#0', 'T#t4#0']);
    expect(routing.seen.slice(2)).toEqual(['T#t3#0', 'T#t4#0']);
  });
});

describe('the local change feed with several consumers', () => {
  it('moves its checkpoint only once every consumer handled the events, and reports each one\'s result', async () => {
    const clock = fixedClock(NOW);
    const tickets: TicketFacts[] = [];
    const source: ChangeSource = {
      ticketsChangedSince: async (since) => tickets.filter((ticket) => ticket.events.some((entry) => entry.at >= since)),
      bookingsChangedSince: async () => [],
    };
    const saved = new Map<string, string>();
    const checkpoints: CheckpointStore = {
      getCheckpoint: async (name) => saved.get(name),
      setCheckpoint: async (name, value) => { saved.set(name, value); },
    };
    const notify = recorder('notify');
    const analytics = recorder('analytics');
    const feed = changeFeed({ source, checkpoints, consumers: [notify, analytics], clock });
    await feed.initialise();

    clock.advance(1000);
    tickets.push(ticketOpenedAt('t1', clock.now().toISOString()));
    clock.advance(1000);
    analytics.failing = true;
    await expect(feed.poll()).rejects.toThrow('analytics is down');
    analytics.failing = false;
    const polled = await feed.poll();
    expect(polled).toMatchObject({ events: 1, results: { notify: 1, analytics: 1 }, checkpoint: clock.now().toISOString() });
    expect(notify.seen).toEqual(['T#t1#0', 'T#t1#0']);
    expect(analytics.seen).toEqual(['T#t1#0']);
    expect((await feed.poll()).results).toEqual({ notify: 0, analytics: 0 });
  });
});
