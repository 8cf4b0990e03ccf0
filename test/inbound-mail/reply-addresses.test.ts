import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenOfAddress, verifyReplyToken } from '../../functions/core/reply-token.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { toMime, type OutgoingMail } from '../../functions/notify/mime.ts';
import { AS } from '../support/stack.ts';
import { startMailStack, type MailStack } from './support.ts';

/** The notifier's side of the channel: which mails carry which reply addresses. */
describe('reply addresses in notifications', () => {
  let stack: MailStack;
  let mails: OutgoingMail[];
  let reference: string;

  beforeAll(async () => {
    stack = await startMailStack();
    const ticket = await stack.newTicket(AS.maria);
    reference = ticket.reference;
    await stack.reply(AS.ana, ticket.id, 'A public answer.');
    await stack.reply(AS.maria, ticket.id, 'Thanks.');
    const slot = await stack.slot('u-mikko');
    expect((await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-mikko', start: slot.start, topic: 'Profiling' } })).status).toBe(201);
    mails = await stack.sent();
  });
  afterAll(() => stack?.close());

  it('give every ticket mail a Reply-To signed for its recipient and ticket, read back by a MIME parser', async () => {
    const ticketMails = mails.filter((m) => m.subject.includes(`[${reference}]`));
    expect(ticketMails.length).toBeGreaterThanOrEqual(2);
    const { channel } = stack.server.inboundMail;
    for (const mail of ticketMails) {
      const parsed = await PostalMime.parse(toMime(mail));
      const token = tokenOfAddress(parsed.replyTo![0]!.address!, channel)!;
      const recipient = [...Object.values(AS)].map((email) => seedUser(email)).find((u) => u.email === mail.to.address)!;
      const check = verifyReplyToken(token, recipient.id, channel.tokenSecret, stack.clock.now());
      expect(check.ok && check.claims, mail.subject).toMatchObject({ ticketNumber: Number(reference.slice(3)), kind: 'reply', userId: recipient.id });
    }
  });

  it('name the internal-note address to staff only', () => {
    for (const mail of mails.filter((m) => m.subject.includes(`[${reference}]`))) {
      const staff = seedUser(mail.to.address).role !== 'requester';
      expect(mail.text.includes('internal note'), mail.to.address).toBe(staff);
      expect(mail.html.includes('internal note'), mail.to.address).toBe(staff);
    }
  });

  it('give mails about no ticket (a booking) no reply address', () => {
    const bookingMails = mails.filter((m) => !m.subject.includes('[HD-'));
    expect(bookingMails.length).toBeGreaterThan(0);
    for (const mail of bookingMails) expect(toMime(mail)).not.toMatch(/^Reply-To:/m);
  });
});
