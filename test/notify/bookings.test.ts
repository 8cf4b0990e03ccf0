import ical from 'node-ical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { AS, HOUR, addressed, startNotifyStack, type NotifyStack } from './support.ts';

function invitation(mail: OutgoingMail) {
  const attachment = mail.attachments.find((a) => a.filename.endsWith('.ics'));
  expect(attachment, `no .ics on "${mail.subject}"`).toBeDefined();
  const event = Object.values(ical.sync.parseICS(attachment!.content)).find((entry) => entry?.type === 'VEVENT') as ical.VEvent;
  return { contentType: attachment!.contentType, event };
}

/** The seed's old tickets escalate as the clock moves on days: here only session mails count. */
const aboutSessions = (mails: OutgoingMail[]) => mails.filter((mail) => !mail.subject.startsWith('[HD-'));

describe('booking e-mails', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  async function book(as: string = AS.maria, expertId = 'u-ana') {
    const slot = await stack.slot(expertId);
    const response = await stack.call('POST', '/api/bookings', { as, body: { expertId, start: slot.start, topic: 'FSDP <sharding> & checkpoints' } });
    expect(response.status, await response.clone().text()).toBe(201);
    return stack.json(response);
  }

  it('tells both sides when a session is booked, moved and cancelled, with the invitation attached', async () => {
    const booking = await book();
    let mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.ana, AS.maria]);
    const toMaria = mails.find((m) => m.to.address === AS.maria)!;
    const toAna = mails.find((m) => m.to.address === AS.ana)!;
    expect(toMaria.subject).toMatch(/^Sesión de mentoría reservada: /);
    expect(toAna.subject).toMatch(/^New mentoring session: /);
    expect(toAna.text).toContain('María Ortega (Aurora AI) booked a mentoring session with you on “FSDP <sharding> & checkpoints”');
    // User text is escaped in HTML.
    expect(toAna.html).toContain('FSDP &lt;sharding&gt; &amp; checkpoints');
    expect(toAna.html).not.toContain('<sharding>');
    // Both sides' sessions are on the sessions page (the mentoring page is the requesters' booking page).
    expect(toMaria.text).toContain(`/app/sessions/`);
    expect(toAna.text).toContain(`/app/sessions/`);
    const first = invitation(toMaria);
    expect(first.contentType).toBe('text/calendar; method=REQUEST');
    expect(new Date(first.event.start).toISOString()).toBe(booking.start);

    const next = await stack.slot('u-ana');
    const moved = await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.ana, body: { start: next.start } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.ana, AS.maria]);
    const movedToAna = mails.find((m) => m.to.address === AS.ana)!;
    expect(movedToAna.subject).toMatch(/^Mentoring session moved to /);
    expect(invitation(movedToAna).event.sequence).toBe(1);
    expect(new Date(invitation(movedToAna).event.start).toISOString()).toBe(next.start);

    const cancelled = await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: { reason: 'Our cluster allocation moved.' } });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.ana, AS.maria]);
    const cancelToAna = mails.find((m) => m.to.address === AS.ana)!;
    expect(cancelToAna.subject).toMatch(/^Mentoring session cancelled: /);
    expect(cancelToAna.text).toContain('Reason given: Our cluster allocation moved.');
    expect(invitation(cancelToAna).contentType).toBe('text/calendar; method=CANCEL');

    // Nothing more to say: the feed seeing the same records again sends nothing.
    expect(await stack.sent()).toEqual([]);
  });

  it('reminds both sides 24 h and 1 h before, once each', async () => {
    const booking = await book(AS.lea, 'u-mikko');
    aboutSessions(await stack.sent());
    const start = Date.parse(booking.start);

    stack.clock.set(new Date(start - 24 * HOUR - 60_000));
    await stack.sweep();
    expect(aboutSessions(stack.take())).toEqual([]);

    stack.clock.set(new Date(start - 24 * HOUR + 60_000));
    await stack.sweep();
    let mails = aboutSessions(stack.take());
    expect(addressed(mails)).toEqual([AS.lea, AS.mikko]);
    expect(mails.find((m) => m.to.address === AS.lea)!.subject).toMatch(/^Rappel : séance de mentorat demain/);
    await stack.sweep();
    stack.clock.advance(5 * 60_000);
    await stack.sweep();
    expect(aboutSessions(stack.take())).toEqual([]);

    stack.clock.set(new Date(start - HOUR + 60_000));
    await stack.sweep();
    mails = aboutSessions(stack.take());
    expect(addressed(mails)).toEqual([AS.lea, AS.mikko]);
    expect(mails.find((m) => m.to.address === AS.mikko)!.subject).toBe('Reminder: mentoring session in one hour');
    await stack.sweep();
    stack.clock.set(new Date(start + 60_000));
    await stack.sweep();
    expect(aboutSessions(stack.take())).toEqual([]);
  });

  it('never reminds of a cancelled session, nor of a session at its old time after a move', async () => {
    const cancelledOne = await book(AS.maria, 'u-giulia');
    const movedOne = await book(AS.jonas, 'u-giulia');
    const cancel = await stack.call('POST', `/api/bookings/${cancelledOne.id}/cancel`, { as: AS.giulia, body: {} });
    expect(cancel.status).toBe(200);
    // Move the second one to a day later: its old start passes with no reminder, the new start gets its own.
    const later = new Date(Date.parse(movedOne.start) + 24 * HOUR).toISOString();
    const move = await stack.call('POST', `/api/bookings/${movedOne.id}/reschedule`, { as: AS.giulia, body: { start: later } });
    expect(move.status, await move.clone().text()).toBe(200);
    aboutSessions(await stack.sent());

    for (const at of [Date.parse(cancelledOne.start) - 23 * HOUR, Date.parse(cancelledOne.start) - 30 * 60_000, Date.parse(movedOne.start) - 30 * 60_000]) {
      stack.clock.set(new Date(at));
      await stack.sweep();
      const mails = aboutSessions(stack.take());
      // Only the moved session's reminder for its new time (24 h before it) may appear.
      for (const mail of mails) expect(mail.to.address === AS.jonas || mail.to.address === AS.giulia).toBe(true);
      for (const mail of mails) expect(mail.subject).toMatch(/tomorrow|morgen/);
    }
    stack.clock.set(new Date(Date.parse(later) - 30 * 60_000));
    await stack.sweep();
    expect(addressed(aboutSessions(stack.take()))).toEqual([AS.giulia, AS.jonas]);
  });
});
