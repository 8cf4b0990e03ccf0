import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_EXPERTS } from '../../functions/local/seed-mentoring.ts';
import { generateSlots } from '../../functions/bookings/domain/slots.ts';
import { AS, startBookingStack, type BookingStack } from './support.ts';

let stack: BookingStack;
beforeAll(async () => {
  stack = await startBookingStack();
  await stack.setAllowance('aurora-ai', 2000);
  await stack.setAllowance('basalt-labs', 2000);
});
afterAll(() => stack.close());

describe('finding an expert', () => {
  it('lists seeded experts with profiles, best match first', async () => {
    const response = await stack.call('GET', '/api/experts?topic=llm-finetuning&lang=es', { as: AS.maria });
    expect(response.status).toBe(200);
    const { items } = await stack.json(response);
    expect(items.map((e: any) => e.id)).toEqual(['u-giulia', 'u-ana']);
    expect(items[0]).toMatchObject({ name: 'Giulia Rossi', languages: ['en', 'it'], timeZone: 'Europe/Rome', bookable: true, slotMinutes: 30 });
    expect(items[0].meetingLink).toBeUndefined();
  });

  it('an expert edits their profile: expertise, languages, systems, meeting link', async () => {
    const profile = { bio: 'Profiles GPU jobs.', expertise: ['monitoring-profiling', 'containers-apptainer'], skills: ['rocprof', 'Nsight'], languages: ['en', 'fi', 'sv'], systems: ['LUMI'], meetingLink: 'https://video.support.example/mikko-2' };
    const response = await stack.call('PUT', '/api/experts/me', { as: AS.mikko, body: profile });
    expect(response.status).toBe(200);
    expect(await stack.json(response)).toMatchObject({ ...profile, id: 'u-mikko', name: 'Mikko Virtanen', timeZone: 'Europe/Helsinki', bookable: true });
    const { items } = await stack.json(await stack.call('GET', '/api/experts?topic=monitoring-profiling&lang=sv', { as: AS.lea }));
    expect(items.map((e: any) => [e.id, e.score])).toEqual([['u-mikko', 6]]);
    const booking = await stack.book(AS.lea, 'u-mikko');
    expect(booking.meetingLink).toBe('https://video.support.example/mikko-2');
    const bad = await stack.call('PUT', '/api/experts/me', { as: AS.mikko, body: { ...profile, meetingLink: 'http://insecure.example', expertise: ['knitting'] } });
    expect(bad.status).toBe(400);
    expect((await stack.json(bad)).errors.map((e: any) => e.field).sort()).toEqual(['expertise.0', 'meetingLink']);
  });

  it('refuses an unknown topic', async () => {
    expect((await stack.call('GET', '/api/experts?topic=cooking', { as: AS.maria })).status).toBe(400);
  });
});

describe('slots', () => {
  it('are UTC, inside the notice and horizon, capped, and without the booked ones', async () => {
    const response = await stack.call('GET', '/api/experts/u-ana/slots?from=2026-11-01T00:00:00Z&to=2027-01-31T00:00:00Z', { as: AS.lea });
    expect(response.status).toBe(200);
    const listing = await stack.json(response);
    expect(listing).toMatchObject({ expertId: 'u-ana', timeZone: 'Europe/Madrid', slotMinutes: 60, from: '2026-12-01T08:00:00.000Z', to: '2027-01-29T08:00:00.000Z' });
    expect(listing.slots[0]).toEqual({ start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z' });
    // The seed booked Ana's first slot on Thursday 2026-12-03 (09:00 Madrid).
    expect(listing.slots.map((s: any) => s.start)).not.toContain('2026-12-03T08:00:00.000Z');
    expect(listing.slots.map((s: any) => s.start)).toContain('2026-12-03T09:00:00.000Z');
  });

  it('refuses a reversed or too wide range, and an unknown expert', async () => {
    expect((await stack.call('GET', '/api/experts/u-ana/slots?from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z', { as: AS.lea })).status).toBe(400);
    expect((await stack.call('GET', '/api/experts/u-ana/slots?from=2026-12-01T00:00:00Z&to=2027-06-01T00:00:00Z', { as: AS.lea })).status).toBe(400);
    expect((await stack.call('GET', '/api/experts/u-nobody/slots', { as: AS.lea })).status).toBe(404);
  });
});

describe('booking', () => {
  it('returns 201 with the meeting link and charges the minutes', async () => {
    const before = await stack.allowance('aurora-ai');
    const booking = await stack.book(AS.maria, 'u-ana', { notes: 'We use 4 nodes.', system: 'LUMI' });
    expect(booking).toMatchObject({ status: 'booked', orgId: 'aurora-ai', orgName: 'Aurora AI', expertId: 'u-ana', minutes: 60, meetingLink: 'https://video.support.example/ana-garcia', sequence: 0, system: 'LUMI' });
    expect((await stack.allowance('aurora-ai')).used).toBe(before.used + 60);
  });

  it('refuses a time that is not an offered slot', async () => {
    const slot = await stack.takeSlot('u-ana');
    const offset = new Date(Date.parse(slot.start) + 15 * 60_000).toISOString();
    const response = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-ana', start: offset, topic: 'Off the grid' } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('accepts a ticket of the own organisation and refuses another organisation\'s', async () => {
    const ticket = await stack.json(await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'Need help with FSDP', body: 'Details', category: 'performance' } }));
    const theirs = await stack.json(await stack.call('POST', '/api/tickets', { as: AS.lea, body: { subject: 'Other help needed', body: 'Details', category: 'performance' } }));
    expect((await stack.book(AS.jonas, 'u-mikko', { ticketId: ticket.id })).ticketId).toBe(ticket.id);
    const slot = await stack.takeSlot('u-mikko');
    const response = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-mikko', start: slot.start, topic: 'Someone else\'s ticket', ticketId: theirs.id } });
    expect(response.status).toBe(422);
    expect((await stack.json(response)).field).toBe('ticketId');
  });

  it('accepts the ticket by its reference (HD-1005, hd-1005, 1005) and stores its id; another organisation\'s reference is refused', async () => {
    const ticket = await stack.json(await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'Booking by reference', body: 'Details', category: 'performance' } }));
    const theirs = await stack.json(await stack.call('POST', '/api/tickets', { as: AS.lea, body: { subject: 'Their reference', body: 'Details', category: 'performance' } }));
    for (const form of [ticket.reference, ticket.reference.toLowerCase(), String(ticket.number)]) {
      expect((await stack.book(AS.jonas, 'u-mikko', { ticketId: form })).ticketId).toBe(ticket.id);
    }
    const slot = await stack.takeSlot('u-mikko');
    const response = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-mikko', start: slot.start, topic: 'Their reference', ticketId: theirs.reference } });
    expect(response.status).toBe(422);
    expect((await stack.json(response)).field).toBe('ticketId');
  });

  it('honours Idempotency-Key: a retry returns the first booking, a different body with the key is refused', async () => {
    const slot = await stack.takeSlot('u-giulia');
    const body = { expertId: 'u-giulia', start: slot.start, topic: 'LoRA on Leonardo' };
    const headers = { 'idempotency-key': 'retry-me-1' };
    const first = await stack.call('POST', '/api/bookings', { as: AS.maria, body, headers });
    const again = await stack.call('POST', '/api/bookings', { as: AS.maria, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await stack.json(again)).id).toBe((await stack.json(first)).id);
    const other = await stack.call('POST', '/api/bookings', { as: AS.maria, body: { ...body, topic: 'Something else' }, headers });
    expect(other.status).toBe(422);
  });

  it('refuses the booking when the allowance is spent, and charges nothing', async () => {
    await stack.setAllowance('basalt-labs', (await stack.allowance('basalt-labs')).used + 30);
    await stack.book(AS.lea, 'u-giulia');
    const before = await stack.allowance('basalt-labs');
    const slot = await stack.takeSlot('u-giulia');
    const response = await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-giulia', start: slot.start, topic: 'One too many' } });
    expect(response.status).toBe(422);
    expect((await stack.json(response)).detail).toMatch(/allowance/);
    expect(await stack.allowance('basalt-labs')).toEqual(before);
    await stack.setAllowance('basalt-labs', 2000);
  });
});

describe('listing', () => {
  it('shows requesters their organisation\'s, experts their own, coordinators all; upcoming soonest first', async () => {
    const list = async (as: string, filter = 'upcoming') => (await stack.json(await stack.call('GET', `/api/bookings?filter=${filter}`, { as }))).items as any[];
    const maria = await list(AS.maria);
    expect(maria.length).toBeGreaterThan(0);
    expect(maria.every((b) => b.orgId === 'aurora-ai')).toBe(true);
    expect(maria.map((b) => b.start)).toEqual([...maria.map((b) => b.start)].sort());
    expect((await list(AS.lea)).every((b) => b.orgId === 'basalt-labs')).toBe(true);
    expect((await list(AS.ana)).every((b) => b.expertId === 'u-ana')).toBe(true);
    const all = await list(AS.coord);
    expect(new Set(all.map((b) => b.orgId))).toEqual(new Set(['aurora-ai', 'basalt-labs']));
    // Each names its organisation as people know it (the sessions page shows the name, not the id).
    expect(new Set(all.map((b) => `${b.orgId}=${b.orgName}`))).toEqual(new Set(['aurora-ai=Aurora AI', 'basalt-labs=Basalt Labs']));
  });

  it('moves sessions to past as time goes by, and cancelled ones to their own filter', async () => {
    const booking = await stack.book(AS.jonas, 'u-ana');
    await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.jonas, body: { reason: 'Solved it ourselves' } });
    const cancelled = (await stack.json(await stack.call('GET', '/api/bookings?filter=cancelled', { as: AS.maria }))).items;
    expect(cancelled.map((b: any) => b.id)).toContain(booking.id);
    expect(cancelled.find((b: any) => b.id === booking.id)).toMatchObject({ status: 'cancelled', cancelReason: 'Solved it ourselves' });

    const upcoming = (await stack.json(await stack.call('GET', '/api/bookings', { as: AS.maria }))).items;
    const seeded = upcoming.find((b: any) => b.start === '2026-12-03T08:00:00.000Z');
    expect(seeded).toBeDefined();
    stack.clock.set('2026-12-04T00:00:00Z');
    try {
      const past = (await stack.json(await stack.call('GET', '/api/bookings?filter=past', { as: AS.maria }))).items;
      expect(past.map((b: any) => b.id)).toContain(seeded.id);
      const later = (await stack.json(await stack.call('GET', '/api/bookings', { as: AS.maria }))).items;
      expect(later.map((b: any) => b.id)).not.toContain(seeded.id);
    } finally {
      stack.clock.set('2026-11-30T08:00:00Z');
    }
  });
});

describe('paging', () => {
  it('walks every booking one page at a time, and refuses a cursor of another filter', async () => {
    const all = (await stack.json(await stack.call('GET', '/api/bookings?limit=100', { as: AS.coord }))).items.map((b: any) => b.id);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await stack.json(await stack.call('GET', `/api/bookings?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: AS.coord }));
      walked.push(...page.items.map((b: any) => b.id));
      cursor = page.cursor;
    } while (cursor);
    expect(walked).toEqual(all);
    const first = await stack.json(await stack.call('GET', '/api/bookings?limit=1', { as: AS.coord }));
    expect((await stack.call('GET', `/api/bookings?filter=past&cursor=${first.cursor}`, { as: AS.coord })).status).toBe(400);
    expect((await stack.call('GET', `/api/bookings?cursor=${first.cursor}`, { as: AS.maria })).status).toBe(400);
  });
});

describe('cancel and reschedule', () => {
  it('cancel frees the slot and the minutes; the same slot can be booked again', async () => {
    const slot = await stack.takeSlot('u-mikko');
    const body = { expertId: 'u-mikko', start: slot.start, topic: 'Apptainer on LUMI' };
    const before = await stack.allowance('aurora-ai');
    const first = await stack.json(await stack.call('POST', '/api/bookings', { as: AS.maria, body }));
    const cancel = await stack.call('POST', `/api/bookings/${first.id}/cancel`, { as: AS.maria, body: {} });
    expect(cancel.status).toBe(200);
    expect((await stack.json(cancel)).sequence).toBe(1);
    expect(await stack.allowance('aurora-ai')).toEqual(before);
    const free = await stack.json(await stack.call('GET', `/api/experts/u-mikko/slots?from=${slot.start}&to=${slot.end}`, { as: AS.lea }));
    expect(free.slots).toEqual([slot]);
    const again = await stack.call('POST', '/api/bookings', { as: AS.lea, body });
    expect(again.status).toBe(201);
    expect((await stack.json(again)).id).not.toBe(first.id);
    // A repeated cancel answers with the cancelled booking and gives nothing back twice.
    const usage = await stack.allowance('aurora-ai');
    expect((await stack.call('POST', `/api/bookings/${first.id}/cancel`, { as: AS.maria, body: {} })).status).toBe(200);
    expect(await stack.allowance('aurora-ai')).toEqual(usage);
  });

  it('stops requesters within 24 hours of the start, not the expert', async () => {
    const booking = await stack.book(AS.maria, 'u-ana');
    stack.clock.set(new Date(Date.parse(booking.start) - 23 * 3_600_000));
    try {
      const late = await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: {} });
      expect(late.status).toBe(422);
      expect((await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start: booking.start } })).status).toBe(422);
      expect((await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.ana, body: { reason: 'Ill' } })).status).toBe(200);
    } finally {
      stack.clock.set('2026-11-30T08:00:00Z');
    }
  });

  it('reschedule moves the booking, frees the old slot, keeps the minutes once', async () => {
    const booking = await stack.book(AS.maria, 'u-giulia');
    const before = await stack.allowance('aurora-ai');
    const target = await stack.takeSlot('u-giulia');
    const response = await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start: target.start } });
    expect(response.status).toBe(200);
    expect(await stack.json(response)).toMatchObject({ id: booking.id, start: target.start, end: target.end, sequence: 1, rescheduledFrom: booking.start });
    expect(await stack.allowance('aurora-ai')).toEqual(before);
    const old = await stack.json(await stack.call('GET', `/api/experts/u-giulia/slots?from=${booking.start}&to=${booking.end}`, { as: AS.lea }));
    expect(old.slots.map((s: any) => s.start)).toEqual([booking.start]);
    expect((await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start: target.start } })).status).toBe(422);
  });

  it('reschedule within the quarter works with the allowance fully used (the minutes move, they are not charged twice)', async () => {
    const booking = await stack.book(AS.jonas, 'u-mikko');
    const { used } = await stack.allowance('aurora-ai');
    await stack.setAllowance('aurora-ai', used);
    try {
      const target = await stack.takeSlot('u-mikko');
      const response = await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.jonas, body: { start: target.start } });
      expect(response.status).toBe(200);
      expect((await stack.allowance('aurora-ai')).used).toBe(used);
      await stack.expectConsistent();
    } finally {
      await stack.setAllowance('aurora-ai', 2000);
    }
  });

  it('reschedule into the next quarter moves the charge to that quarter', async () => {
    const booking = await stack.book(AS.jonas, 'u-ana');
    const january = await stack.json(await stack.call('GET', '/api/experts/u-ana/slots?from=2027-01-11T00:00:00Z&to=2027-01-16T00:00:00Z', { as: AS.jonas }));
    const before = (await stack.allowance('aurora-ai')).used;
    const response = await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.jonas, body: { start: january.slots[0].start } });
    expect(response.status).toBe(200);
    expect((await stack.allowance('aurora-ai')).used).toBe(before - 60);
    const usage = (await stack.items()).find((item) => item.pk === 'ORG#aurora-ai' && item.sk === 'USAGE#2027-Q1');
    expect(usage?.used).toBe(60);
    await stack.expectConsistent();
  });

  it('reschedule to a taken slot is a 409 and leaves the booking where it was', async () => {
    const mine = await stack.book(AS.maria, 'u-ana');
    const theirs = await stack.book(AS.lea, 'u-ana');
    const response = await stack.call('POST', `/api/bookings/${mine.id}/reschedule`, { as: AS.maria, body: { start: theirs.start } });
    expect(response.status).toBe(409);
    const list = (await stack.json(await stack.call('GET', '/api/bookings', { as: AS.maria }))).items;
    expect(list.find((b: any) => b.id === mine.id).start).toBe(mine.start);
  });

  it('a cancelled booking cannot be moved', async () => {
    const booking = await stack.book(AS.maria, 'u-mikko');
    await stack.call('POST', `/api/bookings/${booking.id}/cancel`, { as: AS.maria, body: {} });
    const target = await stack.takeSlot('u-mikko');
    expect((await stack.call('POST', `/api/bookings/${booking.id}/reschedule`, { as: AS.maria, body: { start: target.start } })).status).toBe(422);
  });
});

describe('availability', () => {
  it('an expert publishes availability and the slots follow it', async () => {
    const response = await stack.call('PUT', '/api/experts/me/availability', {
      as: AS.mikko,
      body: { timeZone: 'europe/helsinki', slotMinutes: 90, weekly: [{ day: 'sat', start: '10:00', end: '13:00' }], exceptions: [{ date: '2026-12-12' }] },
    });
    expect(response.status).toBe(200);
    expect(await stack.json(response)).toMatchObject({ timeZone: 'Europe/Helsinki', noticeHours: 24, horizonDays: 60, bufferMinutes: 0 });
    const slots = await stack.json(await stack.call('GET', '/api/experts/u-mikko/slots?from=2026-12-05T00:00:00Z&to=2026-12-13T00:00:00Z', { as: AS.maria }));
    // Saturday 5 December, EET (UTC+2): 10:00 and 11:30 local; Saturday 12 December is a day off.
    expect(slots.slots).toEqual([
      { start: '2026-12-05T08:00:00.000Z', end: '2026-12-05T09:30:00.000Z' },
      { start: '2026-12-05T09:30:00.000Z', end: '2026-12-05T11:00:00.000Z' },
    ]);
  });

  it('names the field of an unknown zone, overlapping windows, an end before its start', async () => {
    const response = await stack.call('PUT', '/api/experts/me/availability', {
      as: AS.giulia,
      body: { timeZone: 'Europe/Atlantis', slotMinutes: 30, weekly: [{ day: 'mon', start: '09:00', end: '12:00' }, { day: 'mon', start: '11:00', end: '12:30' }, { day: 'tue', start: '12:00', end: '11:00' }] },
    });
    expect(response.status).toBe(400);
    expect((await stack.json(response)).errors.map((e: any) => e.field)).toEqual(['timeZone', 'weekly.2.end', 'weekly.1']);
  });
});

describe('a changed slot grid', () => {
  it('keeps earlier bookings: overlapping new slots are neither listed nor bookable', async () => {
    // A 30-minute session off the new 90-minute grid (which starts 09:00 Rome, 08:00 UTC in winter).
    let slot = await stack.takeSlot('u-giulia');
    const offGrid = (start: string) => (new Date(start).getUTCHours() * 60 + new Date(start).getUTCMinutes() - 8 * 60) % 90 !== 0;
    while (!offGrid(slot.start)) slot = await stack.takeSlot('u-giulia');
    const booking = await stack.json(await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-giulia', start: slot.start, topic: 'Before the change' } }));
    const seeded = SEED_EXPERTS.find((e) => e.email === 'giulia@support.example')!.availability;
    // Giulia moves from 30-minute slots at 09:30 to 90-minute slots at 09:00, Rome time.
    const changed = { ...seeded, slotMinutes: 90, weekly: seeded.weekly.map((w) => ({ ...w, start: '09:00', end: '13:30' })) };
    expect((await stack.call('PUT', '/api/experts/me/availability', { as: AS.giulia, body: changed })).status).toBe(200);
    try {
      const day = booking.start.slice(0, 10);
      const listing = await stack.json(await stack.call('GET', `/api/experts/u-giulia/slots?from=${day}T00:00:00Z&to=${day}T23:59:00Z`, { as: AS.lea }));
      const overlapping = (s: { start: string; end: string }) => s.start < booking.end && booking.start < s.end;
      expect(listing.slots.filter(overlapping)).toEqual([]);
      const all = generateSlots({ ...changed, timeZone: 'Europe/Rome' } as never, Date.parse(`${day}T00:00:00Z`), Date.parse(`${day}T23:59:00Z`));
      const clash = all.find((s) => overlapping(s) && s.start !== booking.start)!;
      const response = await stack.call('POST', '/api/bookings', { as: AS.lea, body: { expertId: 'u-giulia', start: clash.start, topic: 'Overlapping' } });
      expect(response.status).toBe(409);
    } finally {
      await stack.call('PUT', '/api/experts/me/availability', { as: AS.giulia, body: seeded });
    }
  });
});
