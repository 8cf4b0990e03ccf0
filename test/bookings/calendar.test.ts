import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS, startBookingStack, type BookingStack } from './support.ts';

let stack: BookingStack;
beforeAll(async () => { stack = await startBookingStack(); });
afterAll(() => stack.close());

/** Parsed by node-ical, a parser independent of the ical-generator that wrote it. */
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
