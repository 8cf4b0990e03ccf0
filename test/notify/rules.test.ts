import { describe, expect, it } from 'vitest';
import type { Booking } from '../../functions/bookings/domain/model.ts';
import type { Principal } from '../../functions/core/principal.ts';
import { bookingEvents } from '../../functions/events/domain/booking-events.ts';
import type { TicketFacts } from '../../functions/events/domain/events.ts';
import { ticketBefore, ticketEvents } from '../../functions/events/domain/ticket-events.ts';
import { mayReceive } from '../../functions/notify/deliver.ts';
import { dueEscalations } from '../../functions/notify/domain/escalation.ts';
import { wants } from '../../functions/notify/domain/kinds.ts';
import { dueReminder } from '../../functions/notify/domain/reminders.ts';
import { changePreferences } from '../../functions/notify/preferences.ts';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse('2026-11-30T08:00:00Z') + hours * HOUR).toISOString();
const actor = (actorId: string, actorName = actorId) => ({ actorId, actorName });

const ticket: TicketFacts = {
  id: 't1', reference: 'HD-1', subject: 's', orgId: 'aurora-ai', requesterId: 'u-maria', requesterName: 'María', category: 'performance',
  priority: 'urgent', status: 'open', assigneeId: 'u-ana', assigneeName: 'Ana', createdAt: at(0),
  events: [
    { at: at(0), type: 'created', ...actor('u-maria') },
    { at: at(1), type: 'note', messageId: 'm1', ...actor('u-ana') },
    { at: at(1), type: 'reply', messageId: 'm2', ...actor('u-ana') },
    { at: at(1), type: 'status', from: 'new', to: 'open', ...actor('u-ana') },
    { at: at(2), type: 'priority', from: 'normal', to: 'urgent', ...actor('u-ana') },
    { at: at(3), type: 'status', from: 'open', to: 'resolved', ...actor('u-ana') },
  ],
};

describe('ticket events', () => {
  it('are the audit entries the new image adds; notes and other changes say nothing', () => {
    expect(ticketEvents(undefined, ticket).map((e) => [e.type, e.eventId])).toEqual([
      ['ticketCreated', 'T#t1#0'], ['ticketReply', 'T#t1#2'], ['ticketResolved', 'T#t1#5'],
    ]);
    expect(ticketEvents({ events: ticket.events.slice(0, 3) }, ticket).map((e) => e.eventId)).toEqual(['T#t1#5']);
    expect(ticketEvents(ticket, ticket)).toEqual([]);
    expect(ticketEvents(ticket, undefined)).toEqual([]);
  });

  it('before a checkpoint are the entries older than it, so ids stay the same', () => {
    expect(ticketBefore(ticket, at(1)).events).toHaveLength(1);
    expect(ticketEvents(ticketBefore(ticket, at(1)), ticket).map((e) => e.eventId)).toEqual(['T#t1#2', 'T#t1#5']);
  });
});

const booking: Booking = {
  id: 'b1', status: 'booked', expertId: 'u-ana', expertName: 'Ana', expertEmail: 'a@x', orgId: 'aurora-ai', requesterId: 'u-maria',
  requesterName: 'María', requesterEmail: 'm@x', topic: 't', meetingLink: '', sequence: 0, version: 2, createdAt: at(0), updatedAt: at(0),
  start: at(48), end: at(49), minutes: 60,
};

describe('booking events', () => {
  it('come from reaching a new (status, sequence)', () => {
    expect(bookingEvents({ ...booking, status: 'pending' }, booking).map((e) => e.eventId)).toEqual(['B#b1#0#booked']);
    expect(bookingEvents(booking, { ...booking, version: 3 })).toEqual([]);
    expect(bookingEvents(booking, { ...booking, status: 'failed' })).toEqual([]);
    expect(bookingEvents(undefined, { ...booking, status: 'pending' })).toEqual([]);
    expect(bookingEvents(undefined, { ...booking, sequence: 3, status: 'cancelled' }).map((e) => e.type === 'bookingChanged' && e.change)).toEqual(['cancelled']);
  });
});

describe('reminders', () => {
  it('are due 24 h and 1 h before, never after the start, never for a cancelled session', () => {
    expect(dueReminder(booking, new Date(at(23)))).toBeUndefined();
    expect(dueReminder(booking, new Date(at(24)))?.eventId).toBe(`R#b1#${booking.start}#0#24h`);
    expect(dueReminder(booking, new Date(at(46.5)))?.eventId).toBe(`R#b1#${booking.start}#0#24h`);
    expect(dueReminder(booking, new Date(at(47)))?.eventId).toBe(`R#b1#${booking.start}#0#1h`);
    expect(dueReminder(booking, new Date(at(48)))).toBeUndefined();
    expect(dueReminder({ ...booking, status: 'cancelled' }, new Date(at(47.5)))).toBeUndefined();
  });

  it('are keyed by the placement, and skipped when the session was booked inside the lead', () => {
    const moved = { ...booking, sequence: 1, start: at(50), end: at(51) };
    expect(dueReminder(moved, new Date(at(49.5)))?.eventId).toBe(`R#b1#${moved.start}#1#1h`);
    expect(dueReminder({ ...booking, updatedAt: at(30) }, new Date(at(31)))).toBeUndefined();
    expect(dueReminder({ ...booking, updatedAt: at(30) }, new Date(at(47.5)))?.eventId).toMatch(/#1h$/);
  });
});

describe('SLA escalations', () => {
  const fresh: TicketFacts = { ...ticket, status: 'new', assigneeId: null, events: [ticket.events[0]!] };
  it('warn at 75 % of a running clock and escalate past it, naming the target', () => {
    expect(dueEscalations(fresh, new Date(at(2.9)))).toEqual([]);
    expect(dueEscalations(fresh, new Date(at(3))).map((e) => e.eventId)).toEqual(['S#t1#firstResponse#warning']);
    expect(dueEscalations(fresh, new Date(at(4.1))).map((e) => e.eventId)).toEqual(['S#t1#firstResponse#breach']);
    expect(dueEscalations(fresh, new Date(at(49))).map((e) => e.eventId)).toEqual(['S#t1#firstResponse#breach', 'S#t1#resolution#breach']);
    expect(dueEscalations({ ...fresh, firstResponseAt: at(1) }, new Date(at(37))).map((e) => e.eventId)).toEqual(['S#t1#resolution#warning']);
  });

  it('warn at 75 % of a business-hours target counted in business hours, not wall-clock time before the due time', () => {
    // A low ticket opened Monday 11 January 2027 at 09:00 Brussels: 45 business hours to answer, due Friday
    // 18:00; 75 % (33.75 h) is used on Thursday at 15:45 Brussels (14:45 UTC). Subtracting 25 % of the target as
    // wall-clock time from the due time would say Friday 06:45 instead.
    const low: TicketFacts = { ...fresh, priority: 'low', createdAt: '2027-01-11T08:00:00Z', events: [{ ...fresh.events[0]!, at: '2027-01-11T08:00:00Z' }] };
    expect(dueEscalations(low, new Date('2027-01-14T14:44:00Z'))).toEqual([]);
    expect(dueEscalations(low, new Date('2027-01-14T14:45:00Z')).map((e) => [e.eventId, 'due' in e && e.due])).toEqual([['S#t1#firstResponse#warning', '2027-01-15T17:00:00.000Z']]);
  });

  it('say nothing while the clocks stand still', () => {
    const waiting: TicketFacts = { ...fresh, status: 'waiting', events: [...fresh.events, { at: at(1), type: 'status', from: 'new', to: 'waiting', ...actor('u-ana') }] };
    expect(dueEscalations(waiting, new Date(at(100)))).toEqual([]);
  });
});

describe('preferences', () => {
  const maria: Principal = { id: 'u-maria', email: 'm@x', name: 'María', role: 'requester', orgId: 'aurora-ai' };
  const ana: Principal = { id: 'u-ana', email: 'a@x', name: 'Ana', role: 'expert' };
  it('turn kinds on and off, keep the mandatory ones on, give categories to staff only', () => {
    const changed = changePreferences({ off: ['slaWarning'], categories: [] }, { kinds: { ticketReply: false, slaWarning: true } }, ana);
    expect(changed).toEqual({ off: ['ticketReply'], categories: [] });
    expect(() => changePreferences(changed, { kinds: { newTicket: false } }, maria)).toThrow(/No newTicket e-mails are sent to a requester/);
    expect(() => changePreferences(changed, { kinds: { slaBreach: false } }, ana)).toThrow(/cannot be turned off/);
    expect(() => changePreferences(changed, { categories: ['performance'] }, maria)).toThrow(/Only experts/);
    expect(changePreferences(changed, { categories: ['performance', 'performance'] }, ana).categories).toEqual(['performance']);
  });

  it('decide what is sent: mandatory always, new tickets only in followed categories', () => {
    expect(wants({ off: ['bookingChange'], categories: [] }, 'bookingChange')).toBe(true);
    expect(wants({ off: ['ticketReply'], categories: [] }, 'ticketReply')).toBe(false);
    expect(wants({ off: [], categories: ['performance'] }, 'newTicket', 'performance')).toBe(true);
    expect(wants({ off: [], categories: ['performance'] }, 'newTicket', 'other')).toBe(false);
    expect(wants({ off: ['newTicket'], categories: ['performance'] }, 'newTicket', 'performance')).toBe(false);
  });
});

describe('who may receive what', () => {
  it('is staff, or a member of the organisation the event is about', () => {
    expect(mayReceive({ role: 'requester', orgId: 'aurora-ai' }, 'aurora-ai')).toBe(true);
    expect(mayReceive({ role: 'requester', orgId: 'basalt-labs' }, 'aurora-ai')).toBe(false);
    expect(mayReceive({ role: 'requester' }, 'aurora-ai')).toBe(false);
    expect(mayReceive({ role: 'expert' }, 'aurora-ai')).toBe(true);
    expect(mayReceive({ role: 'coordinator' }, 'basalt-labs')).toBe(true);
  });
});
