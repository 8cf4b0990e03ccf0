import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS, addressed, startNotifyStack, type NotifyStack } from './support.ts';

describe('GET/PUT /api/me/notifications', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('shows the kinds of the caller\'s role, all on by default, with the mandatory ones named', async () => {
    const response = await stack.call('GET', '/api/me/notifications', { as: AS.maria });
    expect(response.status).toBe(200);
    expect(await stack.json(response)).toEqual({
      kinds: { ticketReply: true, ticketResolved: true, bookingChange: true, sessionReminder: true, ticketAcknowledgement: true },
      mandatory: ['bookingChange'],
      categories: [],
    });
    expect(await stack.json(await stack.call('GET', '/api/me/notifications', { as: AS.coord }))).toEqual({
      kinds: {
        ticketReply: true, newTicket: true, bookingChange: true, sessionReminder: true, slaWarning: true, slaBreach: true, ticketAssigned: true, unassignedTicket: true, ticketAtRisk: true,
      },
      mandatory: ['bookingChange', 'slaBreach'],
      categories: [],
    });
    expect((await stack.call('GET', '/api/me/notifications')).status).toBe(401);
  });

  it('stops a kind that was turned off, and only that kind', async () => {
    const off = await stack.call('PUT', '/api/me/notifications', { as: AS.maria, body: { kinds: { ticketReply: false } } });
    expect(off.status).toBe(200);
    expect((await stack.json(off)).kinds.ticketReply).toBe(false);
    const ticket = await stack.newTicket(AS.maria);
    await stack.reply(AS.ana, ticket.id, 'Try the other partition.');
    // Only the creation's mails (María's acknowledgement, the coordinator told it is unassigned): no reply.
    expect((await stack.sent()).map((mail) => [mail.to.address, mail.subject.includes('replied') || mail.subject.includes('respondido')])).toEqual([[AS.maria, false], [AS.coord, false]]);
    await stack.patch(AS.ana, ticket.id, { status: 'resolved' });
    expect(addressed(await stack.sent())).toEqual([AS.maria]);

    const on = await stack.call('PUT', '/api/me/notifications', { as: AS.maria, body: { kinds: { ticketReply: true } } });
    expect((await stack.json(on)).kinds.ticketReply).toBe(true);
  });

  it('refuses to turn off a security-relevant kind, and categories for requesters', async () => {
    const mandatory = await stack.call('PUT', '/api/me/notifications', { as: AS.maria, body: { kinds: { bookingChange: false, sessionReminder: false } } });
    expect(mandatory.status).toBe(422);
    expect((await stack.json(mandatory)).errors).toEqual([{ field: 'kinds.bookingChange', message: 'This kind of e-mail cannot be turned off.' }]);
    const categories = await stack.call('PUT', '/api/me/notifications', { as: AS.jonas, body: { categories: ['performance'] } });
    expect(categories.status).toBe(422);
    const staffKind = await stack.call('PUT', '/api/me/notifications', { as: AS.jonas, body: { kinds: { slaWarning: false } } });
    expect(staffKind.status).toBe(422);
    expect((await stack.json(staffKind)).errors).toEqual([{ field: 'kinds.slaWarning', message: 'No slaWarning e-mails are sent to a requester.' }]);
    // Nothing was saved by the refused requests.
    expect((await stack.json(await stack.call('GET', '/api/me/notifications', { as: AS.maria }))).kinds.sessionReminder).toBe(true);
    for (const body of [{ kinds: { unknown: false } }, { categories: ['astrology'] }, { kinds: { ticketReply: 'no' } }, { extra: 1 }]) {
      expect((await stack.call('PUT', '/api/me/notifications', { as: AS.ana, body })).status).toBe(400);
    }
  });

  it('lets an expert change the categories followed', async () => {
    await stack.follow(AS.giulia, ['performance', 'data-and-storage']);
    await stack.newTicket(AS.maria, { category: 'data-and-storage' });
    // Giulia as a follower; María's acknowledgement and the coordinator (nobody handles data and storage) besides.
    expect(addressed(await stack.sent())).toEqual([AS.coord, AS.giulia, AS.maria]);
    await stack.follow(AS.giulia, ['performance']);
    await stack.newTicket(AS.maria, { category: 'data-and-storage' });
    expect(addressed(await stack.sent())).toEqual([AS.coord, AS.maria]);
    const view = await stack.json(await stack.call('GET', '/api/me/notifications', { as: AS.giulia }));
    expect(view.categories).toEqual(['performance']);
  });
});
