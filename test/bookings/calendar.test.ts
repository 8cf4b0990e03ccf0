import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInvitation, invitationMethod } from '../../functions/bookings/calendar.ts';
import type { Booking } from '../../functions/bookings/domain/model.ts';
import { AS, startBookingStack, type BookingStack } from './support.ts';

let stack: BookingStack;
beforeAll(async () => { stack = await startBookingStack(); });
afterAll(() => stack.close());

/** Parsed by node-ical, a parser independent of the writer (functions/core/icalendar.ts). */
async function invitation(id: string, as: string) {
  const response = await stack.call('GET', `/api/bookings/${id}/ics`, { as });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
  const text = await response.text();
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  expect(events).toHaveLength(1);
  return { text, calendar: parsed.vcalendar as unknown as { method: string }, event: events[0] as unknown as Record<string, any> };
}

describe('calendar invitation', () => {
  it('is an RFC 5545 REQUEST with organizer, attendee, link; reschedule and cancel keep the UID and raise SEQUENCE', async () => {
    const booking = await stack.book(AS.maria, 'u-ana', { topic: 'Moving our Docker image to LUMI' });
    const first = await invitation(booking.id, AS.maria);
    expect(first.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(first.text).toMatch(/END:VCALENDAR\r\n$/);
    expect(first.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(first.calendar.method).toBe('REQUEST');
    expect(first.event.method).toBe('REQUEST');
    expect(first.event.status).toBe('CONFIRMED');
    expect(Number(first.event.sequence)).toBe(0);
    expect(new Date(first.event.start).toISOString()).toBe(booking.start);
    expect(new Date(first.event.end).toISOString()).toBe(booking.end);
    expect(first.event.summary).toBe('Mentoring: Moving our Docker image to LUMI');
    expect(first.event.location).toBe('https://video.support.example/ana-garcia');
    expect(String((first.event.organizer as any).val).toLowerCase()).toBe('mailto:ana@support.example');
    expect(String(first.event.attendee.val).toLowerCase()).toBe('mailto:maria@aurora-ai.example');
    expect(first.event.attendee.params.CN).toBe('María Ortega');

    const target = await stack.takeSlot('u-ana');
    expect((await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start: target.start } })).status).toBe(200);
    const moved = await invitation(booking.id, AS.ana);
    expect(moved.event.uid).toBe(first.event.uid);
    expect(Number(moved.event.sequence)).toBe(1);
    expect(new Date(moved.event.start).toISOString()).toBe(target.start);

    expect((await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: { reason: 'Found the answer in the guide' } })).status).toBe(200);
    const cancelled = await invitation(booking.id, AS.coord);
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(cancelled.calendar.method).toBe('CANCEL');
    expect(cancelled.event.status).toBe('CANCELLED');
    expect(Number(cancelled.event.sequence)).toBe(2);
  });
});

describe('bookingInvitation', () => {
  const booking: Booking = {
    id: 'b-42', status: 'booked', expertId: 'u-ana', expertName: 'Ana García', expertEmail: 'ana@support.example',
    orgId: 'aurora-ai', requesterId: 'u-maria', requesterName: 'Ortega, María', requesterEmail: 'maria@aurora-ai.example',
    topic: 'FSDP; sharding, checkpoints', notes: 'Bring the logs\nand C:\\ paths 🚀', system: 'LUMI' as Booking['system'],
    meetingLink: 'https://video.support.example/ana-garcia', sequence: 1, version: 3,
    start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z', minutes: 60,
    createdAt: '2026-02-01T08:00:00.000Z', updatedAt: '2026-02-03T08:00:00.000Z',
  };
  const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

  it('writes the calendar and event lines calendars rely on', () => {
    const text = bookingInvitation(booking);
    for (const line of text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const lines = unfold(text).split('\r\n');
    expect(lines).toEqual(expect.arrayContaining([
      'PRODID:-//HPC AI Support Centre//Mentoring//EN', 'METHOD:REQUEST', 'X-WR-CALNAME:HPC AI Support Centre mentoring',
      'UID:booking-b-42@hpc-ai-support-centre', 'SEQUENCE:1', 'DTSTAMP:20260203T080000Z',
      'DTSTART:20260302T090000Z', 'DTEND:20260302T100000Z', 'STATUS:CONFIRMED',
      'ORGANIZER;CN=Ana García:mailto:ana@support.example',
      'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Ortega, María":mailto:maria@aurora-ai.example',
    ]));
    const event = Object.values(ical.sync.parseICS(text)).find((c): c is VEvent => c?.type === 'VEVENT') as unknown as Record<string, any>;
    expect(event.summary).toBe('Mentoring: FSDP; sharding, checkpoints');
    expect(event.description).toBe([
      'Mentoring session with Ana García for Ortega, María (aurora-ai).',
      'Join: https://video.support.example/ana-garcia',
      'System: LUMI',
      '',
      'Bring the logs\nand C:\\ paths 🚀',
    ].join('\n'));
    expect(event.attendee.params.CN).toBe('Ortega, María');
  });

  it('cancels with METHOD CANCEL, STATUS CANCELLED, the attendee declined and the reason in the description', () => {
    const cancelled: Booking = { ...booking, status: 'cancelled', sequence: 2, cancelReason: 'Solved, thanks' };
    expect(invitationMethod(cancelled)).toBe('CANCEL');
    const lines = unfold(bookingInvitation(cancelled)).split('\r\n');
    expect(lines).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:2', 'UID:booking-b-42@hpc-ai-support-centre']));
    expect(lines.find((l) => l.startsWith('ATTENDEE'))).toContain('PARTSTAT=DECLINED');
    expect(lines.find((l) => l.startsWith('DESCRIPTION'))).toMatch(/\\n\\nCancelled: Solved\\, thanks$/);
  });
});
