import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { dynamoUserDirectory } from '../../functions/core/users.ts';
import { notifier } from '../../functions/notify/deliver.ts';
import { dynamoNotifyStore } from '../../functions/notify/dynamo-store.ts';
import { eventsOfRecord, handleStreamBatch, type StreamRecord } from '../../functions/events/stream.ts';
import { AS, addressed, startNotifyStack, type NotifyStack } from '../notify/support.ts';

let sequence = 100;

/** A stream record as Lambda delivers it for NEW_AND_OLD_IMAGES. */
function record(oldImage: Record<string, unknown> | undefined, newImage: Record<string, unknown> | undefined): StreamRecord {
  const options = { removeUndefinedValues: true, convertClassInstanceToMap: false };
  return {
    eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
    dynamodb: {
      ...(oldImage ? { OldImage: marshall(oldImage, options) } : {}),
      ...(newImage ? { NewImage: marshall(newImage, options) } : {}),
      SequenceNumber: String(sequence++),
    },
  };
}

describe('the stream handler', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  const item = async (pk: string, sk: string) =>
    (await stack.server.db.send(new GetCommand({ TableName: stack.server.tableName, Key: { pk, sk }, ConsistentRead: true }))).Item;

  it('derives the events from the old and new images, and one event sends one e-mail however often it is seen', async () => {
    const ticket = await stack.newTicket(AS.maria);
    await stack.flush();
    stack.take();
    const before = await item(`TICKET#${ticket.id}`, 'TICKET');
    await stack.reply(AS.ana, ticket.id, 'Public answer.');
    const after = await item(`TICKET#${ticket.id}`, 'TICKET');
    const change = record(before, after);
    expect(eventsOfRecord(change).map((e) => e.type)).toEqual(['ticketReply']);
    // Writes that are not tickets or bookings (markers, messages, counters) mean nothing.
    expect(eventsOfRecord(record(undefined, { pk: `TICKET#${ticket.id}`, sk: 'MSG#1', body: 'x' }))).toEqual([]);
    expect(eventsOfRecord(record(before, undefined))).toEqual([]);

    const notify = [stack.server.notifications.consumer];
    expect(await handleStreamBatch([change, change], notify)).toEqual({ batchItemFailures: [] });
    expect(addressed(stack.take())).toEqual([AS.maria]);
    // Lambda retrying the batch, and the local feed deriving the same change: still one e-mail.
    await handleStreamBatch([change], notify);
    await stack.flush();
    expect(stack.take()).toEqual([]);
  });

  it('leaves a provider failure to the sweep, and reports the records it could not handle for Lambda to retry', async () => {
    const aurora = await stack.newTicket(AS.maria);
    const basalt = await stack.newTicket(AS.lea);
    const changes: StreamRecord[] = [];
    for (const ticket of [aurora, basalt]) {
      const before = await item(`TICKET#${ticket.id}`, 'TICKET');
      await stack.reply(AS.giulia, ticket.id, 'Public answer.');
      changes.push(record(before, await item(`TICKET#${ticket.id}`, 'TICKET')));
    }

    // The table is unreachable: the first record fails, and Lambda is told to retry it and all after it.
    const { server } = stack;
    const unreachable = createDocumentClient({ region: 'local', endpoint: 'http://127.0.0.1:9' });
    const cut = notifier({
      store: dynamoNotifyStore(unreachable, server.tableName), users: dynamoUserDirectory(server.db, server.tableName),
      transport: stack.transport, clock: stack.clock, sender: { address: 'desk@example.eu' }, publicUrl: 'https://support.example.eu',
    });
    const errors: unknown[] = [];
    const sequences = changes.map((c) => ({ itemIdentifier: c.dynamodb!.SequenceNumber! }));
    expect(await handleStreamBatch(changes, [{ name: 'notify', handle: cut.handle }], (error) => errors.push(error))).toEqual({ batchItemFailures: sequences });
    expect(errors).toHaveLength(1);
    unreachable.destroy();

    // The provider is down: the records are handled (the shard moves on), the deliveries wait for the sweep.
    stack.transport.failing = true;
    expect(await handleStreamBatch(changes, [server.notifications.consumer])).toEqual({ batchItemFailures: [] });
    expect(stack.take()).toEqual([]);
    stack.transport.failing = false;
    stack.clock.advance(6 * 60_000);
    expect((await stack.sweep()).retried).toEqual(['sent', 'sent']);
    expect(addressed(stack.take())).toEqual([AS.lea, AS.maria]);
  });

  it('derives booking events from status and sequence changes only', async () => {
    const slot = await stack.slot('u-mikko');
    const created = await stack.json(await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-mikko', start: slot.start, topic: 'Profiling' } }));
    const booked = await item(`BOOKING#${created.id}`, 'BOOKING');
    const pending = { ...booked, status: 'pending', version: 1 };
    expect(eventsOfRecord(record(undefined, pending))).toEqual([]);
    expect(eventsOfRecord(record(pending, booked)).map((e) => e.type === 'bookingChanged' && e.change)).toEqual(['confirmed']);
    // Bookkeeping writes (a move under way, a release cleared) keep status and sequence: nothing to say.
    expect(eventsOfRecord(record(booked, { ...booked, move: { start: 'x', end: 'y', minutes: 60, at: 'z' }, version: 3 }))).toEqual([]);
    const moved = { ...booked, start: '2027-01-05T10:00:00.000Z', sequence: 1, version: 4 };
    expect(eventsOfRecord(record(booked, moved)).map((e) => e.type === 'bookingChanged' && e.change)).toEqual(['rescheduled']);
    const cancelled = { ...moved, status: 'cancelled', sequence: 2, version: 5 };
    expect(eventsOfRecord(record(moved, cancelled)).map((e) => e.eventId)).toEqual([`B#${created.id}#2#cancelled`]);
  });
});
