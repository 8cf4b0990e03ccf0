import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryId } from '../../functions/notify/deliver.ts';
import { AS, addressed, startNotifyStack, type NotifyStack } from './support.ts';

describe('a failing provider', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  const parked = async (as: string = AS.coord) => stack.call('GET', '/api/notifications/parked', { as });

  it('is retried by the sweep, spaced, then parked for coordinators, who replay it: nothing lost, nothing twice', async () => {
    const ticket = await stack.newTicket(AS.maria);
    // The creation's mails (acknowledgement, coordinators told) go out before the provider fails.
    await stack.flush();
    stack.take();
    const slot = await stack.slot('u-ana');
    const booked = await stack.call('POST', '/api/bookings', { as: AS.jonas, body: { expertId: 'u-ana', start: slot.start, topic: 'Mixed precision' } });
    expect(booked.status).toBe(201);
    await stack.reply(AS.ana, ticket.id, 'Public answer.');
    const attemptsBefore = stack.transport.attempts();
    stack.transport.failing = true;

    // Three deliveries owed: the reply to María, the booking to Jonas and to Ana (the feed's overlap derives the
    // creation's again: duplicates, already sent).
    const owed = (outcomes: unknown) => (outcomes as string[]).filter((outcome) => outcome !== 'duplicate');
    expect(owed((await stack.server.events.feed.poll()).results.notify)).toEqual(['failed', 'failed', 'failed']);
    // Deriving the same events again does not hammer the provider: failed deliveries belong to the sweep.
    const again = (await stack.server.events.feed.poll()).results.notify as string[];
    expect(again.length).toBeGreaterThanOrEqual(3);
    expect(owed(again)).toEqual([]);
    stack.clock.advance(60_000);
    expect((await stack.sweep()).retried).toEqual([]);
    const retries: string[][] = [];
    for (let run = 0; run < 4; run++) {
      stack.clock.advance(6 * 60_000);
      retries.push((await stack.sweep()).retried);
    }
    expect(retries).toEqual([['failed', 'failed', 'failed'], ['failed', 'failed', 'failed'], ['parked', 'parked', 'parked'], []]);
    expect(stack.transport.attempts() - attemptsBefore).toBe(12);

    expect((await parked(AS.ana)).status).toBe(403);
    const list = await stack.json(await parked());
    expect(list.items.map((item: any) => item.to).sort()).toEqual([AS.ana, AS.jonas, AS.maria]);
    for (const item of list.items) expect(item).toMatchObject({ attempts: 4, reason: 'failed', lastError: 'ServiceUnavailable: provider unavailable' });

    stack.transport.failing = false;
    for (const item of list.items) {
      const replay = await stack.call('POST', `/api/notifications/parked/${item.id}/replay`, { as: AS.coord });
      expect(replay.status).toBe(202);
      expect((await stack.call('POST', `/api/notifications/parked/${item.id}/replay`, { as: AS.coord })).status).toBe(409);
    }
    expect((await stack.call('POST', '/api/notifications/parked/nosuchdelivery/replay', { as: AS.coord })).status).toBe(404);
    // The API call only queued them: nothing was sent yet.
    expect(stack.take()).toEqual([]);

    const swept = await stack.sweep();
    expect(swept.retried).toEqual(['sent', 'sent', 'sent']);
    const mails = stack.take();
    expect(addressed(mails)).toEqual([AS.ana, AS.jonas, AS.maria]);
    expect((await stack.json(await parked())).items).toEqual([]);
    stack.clock.advance(10 * 60_000);
    await stack.sweep();
    expect(await stack.sent()).toEqual([]);
  });

  it('is sent by the next sweep when the provider recovers before the attempts run out', async () => {
    const ticket = await stack.newTicket(AS.lea);
    await stack.flush();
    stack.take();
    await stack.reply(AS.mikko, ticket.id, 'Public answer.');
    stack.transport.failing = true;
    expect(((await stack.server.events.feed.poll()).results.notify as string[]).filter((outcome) => outcome !== 'duplicate')).toEqual(['failed']);
    stack.transport.failing = false;
    stack.clock.advance(6 * 60_000);
    expect((await stack.sweep()).retried).toEqual(['sent']);
    expect(addressed(stack.take())).toEqual([AS.lea]);
    expect((await stack.json(await parked())).items).toEqual([]);
  });

  it('parks a delivery a crash left "sending" as in doubt, and never sends it by itself', async () => {
    const { store } = stack.server.notifications;
    const at = stack.clock.now();
    const id = deliveryId('T#crashed#1', 'u-maria');
    const claimed = await store.claim({
      id, eventId: 'T#crashed#1', recipientId: 'u-maria', to: { address: AS.maria, name: 'María Ortega' }, lang: 'es', kind: 'ticketReply', mandatory: false,
      notice: { template: 'expertReply', actorName: 'Ana García', ticket: { id: 'crashed', reference: 'HD-9', subject: 'Lost', category: 'other', priority: 'normal', requesterName: 'María Ortega' } },
    }, at.toISOString(), Math.floor(at.getTime() / 1000) + 3600);
    expect(claimed?.state).toBe('sending');

    stack.clock.advance(5 * 60_000);
    expect((await stack.sweep()).parkedInDoubt).toBe(0);
    stack.clock.advance(20 * 60_000);
    expect((await stack.sweep()).parkedInDoubt).toBe(1);
    expect(stack.take()).toEqual([]);
    const [item] = (await stack.json(await parked())).items;
    expect(item).toMatchObject({ id, reason: 'in-doubt', to: AS.maria });
    expect((await stack.call('POST', `/api/notifications/parked/${id}/replay`, { as: AS.coord })).status).toBe(202);
    await stack.sweep();
    const [mail] = stack.take();
    expect(mail?.subject).toBe('[HD-9] Ana García ha respondido: Lost');
  });
});
