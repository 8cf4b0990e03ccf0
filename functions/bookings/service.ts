import type { SystemName } from '../core/catalog.ts';
import type { Clock } from '../core/clock.ts';
import { idempotentCreation, type IdempotentCreation } from '../core/idempotency.ts';
import type { Principal, RequesterPrincipal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { violation, type Violation } from '../core/violation.ts';
import { allowanceService } from './allowance-service.ts';
import { assertMayChange, maySee } from './domain/access.ts';
import { failureViolation, type BookingFailure } from './domain/failure.ts';
import { placementOf, type BookingRecord, type Placement } from './domain/model.ts';
import { chargeMarker, quarterOf } from './domain/quota.ts';
import { LONGEST_SESSION_MS, offeredSlotAt } from './domain/slots.ts';
import type { TicketOwnership } from './ports.ts';
import { settlement } from './settlement.ts';
import { slotClaims } from './slot-claims.ts';
import type { BookingListFilter, BookingStore } from './store.ts';

export interface BookingDeps {
  store: BookingStore;
  clock: Clock;
  tickets: TicketOwnership;
}

export interface NewBooking {
  expertId: string;
  start: string;
  topic: string;
  notes?: string;
  system?: SystemName;
  ticketId?: string;
}

const MAX_ATTEMPTS = 8;
/** Claiming again after clearing leftovers: a second round covers leftovers freed while the first was refused. */
const MAX_CLAIM_ATTEMPTS = 3;

/**
 * Booking use cases. A booking takes three kinds of write: its record, the expert's day of slot claims and the
 * organisation's quarterly counter. The record is written first as an intent, so whatever a crash leaves
 * between the others is owned by a record that says what to finish or give back (see settlement.ts).
 */
export function bookingService({ store, clock, tickets }: BookingDeps) {
  const settle = settlement({ store, clock });
  const allowance = allowanceService({ store, clock });
  const claims = slotClaims(store);
  const now = () => clock.now();

  async function visible(principal: Principal, id: string): Promise<BookingRecord> {
    const record = await store.getBooking(id);
    if (!record || (record.status !== 'booked' && record.status !== 'cancelled') || !maySee(record, principal)) {
      throw problems.notFound(`No booking ${id}.`);
    }
    return record;
  }

  /** The slot for `start` if the expert offers it and nobody else holds it: else `slot.not-offered` or `slot.taken`. */
  async function freeSlot(expertId: string, start: string, bookingId: string): Promise<{ placement: Placement; meetingLink: string; expert: { name: string; email: string } }> {
    const expert = await store.getExpert(expertId);
    if (!expert) throw violation('expert.unknown', `No expert ${expertId}.`, { field: 'expertId' });
    const slot = expert.availability ? offeredSlotAt(expert.availability, new Date(start), now()) : undefined;
    if (!slot) throw violation('slot.not-offered', 'The expert has no free session starting at that time. Choose one of the free times shown for them.', { field: 'start' });
    // A pre-check that refuses before any write; the claim write (slot-claims.ts) is what decides under a race.
    // Overlap, not just the same start: sessions booked before the expert changed their slot grid still count.
    const nearby = await store.listClaims(expertId, new Date(Date.parse(slot.start) - LONGEST_SESSION_MS).toISOString(), slot.end);
    for (const claim of nearby.filter((c) => c.bookingId !== bookingId && c.start < slot.end && slot.start < c.end)) {
      if (!(await settle.freeIfLeftover(claim))) throw violation('slot.taken', 'Someone booked this slot a moment ago; pick another.');
    }
    return { placement: { ...slot, minutes: expert.availability!.slotMinutes }, meetingLink: expert.meetingLink, expert };
  }

  /** Claims the slot for the booking, clearing claims in the way that crashes left over. false when another booking holds it. */
  async function claim(record: BookingRecord, placement: Placement): Promise<boolean> {
    const claimOf = { expertId: record.expertId, start: placement.start, end: placement.end, bookingId: record.id };
    for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
      const blocking = await claims.claim(claimOf);
      if (blocking.length === 0) return true;
      for (const holder of blocking) {
        if (!(await settle.freeIfLeftover(holder))) return false;
      }
    }
    return false;
  }

  /** Charges the placement to its quarter; when spent, repairs crash leftovers once and tries again. */
  async function charge(record: BookingRecord, placement: Placement, replacing?: Placement): Promise<boolean> {
    const attempt = async () => store.charge({
      orgId: record.orgId,
      quarter: quarterOf(placement.start),
      marker: chargeMarker(record.id, placement.start),
      minutes: placement.minutes,
      limit: await allowance.limitFor(record.orgId),
      at: now().toISOString(),
      ...(replacing && quarterOf(replacing.start) === quarterOf(placement.start)
        ? { replacing: { marker: chargeMarker(record.id, replacing.start), minutes: replacing.minutes } } : {}),
    });
    if ((await attempt()) !== 'exceeded') return true;
    if ((await settle.sweep()) === 0) return false;
    return (await attempt()) !== 'exceeded';
  }

  async function fail(record: BookingRecord, failure: BookingFailure): Promise<never> {
    const failed: BookingRecord = {
      ...record, status: 'failed', failure, release: [...record.release, placementOf(record)],
      version: record.version + 1, updatedAt: now().toISOString(),
    };
    if (await store.replaceBooking(failed, record.version)) await settle.settle(failed);
    throw failureViolation(failure);
  }

  /**
   * Claim, charge, confirm: each step idempotent, so a retry of a pending intent resumes where it stopped. The
   * slot is claimed before the minutes are charged, so requests racing for one slot never charge: they lose
   * on the slot (`slot.taken`), and a refused charge means the allowance really is spent by bookings that hold slots.
   */
  async function complete(record: BookingRecord): Promise<BookingRecord> {
    const placement = placementOf(record);
    if (!(await claim(record, placement))) return fail(record, { code: 'slot.taken', detail: 'Someone booked this slot a moment ago; pick another.' });
    if (!(await charge(record, placement))) {
      const quarter = quarterOf(record.start);
      const [limit, usage] = await Promise.all([allowance.limitFor(record.orgId), store.getUsage(record.orgId, quarter)]);
      return fail(record, { code: 'allowance.spent', detail: `Your organisation's mentoring allowance for ${quarter} is spent (${Math.max(0, limit - usage.used)} of ${limit} minutes left, ${record.minutes} needed).` });
    }
    const confirmed: BookingRecord = { ...record, status: 'booked', version: record.version + 1, updatedAt: now().toISOString() };
    if (await store.replaceBooking(confirmed, record.version)) return confirmed;
    // Taken over meanwhile (a retry finished it, or the sweeper gave it up): follow the stored record.
    const fresh = await store.getBooking(record.id);
    if (fresh?.status === 'booked' && fresh.start === record.start) return fresh;
    await settle.givePlacementBack(record, placement);
    throw failureViolation(fresh?.failure ?? { code: 'booking.interrupted', detail: 'The booking was interrupted; book the slot again.' });
  }

  /** A retried Idempotency-Key: the first answer, or the intent resumed. */
  async function replay(existing: BookingRecord, principal: Principal, creation: IdempotentCreation): Promise<{ booking: BookingRecord; replayed: boolean }> {
    creation.assertSameRequest(existing.requesterId === principal.id ? existing : {});
    if (existing.status === 'failed') throw failureViolation(existing.failure!);
    if (existing.status === 'pending') {
      // A retry long after the first attempt died does not revive it: the slot was checked back then.
      if (settle.isStale(existing)) throw failureViolation((await settle.abandon(existing)).failure!);
      return { booking: await complete(existing), replayed: true };
    }
    return { booking: existing, replayed: true };
  }

  async function update(id: string, change: (record: BookingRecord) => Promise<BookingRecord | undefined>, principal: Principal): Promise<BookingRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = await settle.settleFirst(await visible(principal, id));
      const next = await change(record);
      if (!next) return record;
      if (await store.replaceBooking(next, record.version)) return settle.settle(next);
    }
    throw violation('busy', 'The booking is being changed by many requests at once; try again.');
  }

  return {
    async create(principal: RequesterPrincipal, input: NewBooking, idempotencyKey?: string): Promise<{ booking: BookingRecord; replayed: boolean }> {
      const creation = idempotentCreation('booking', principal.id, idempotencyKey, input);
      const { id } = creation;
      const earlier = creation.keyed ? await store.getBooking(id) : undefined;
      if (earlier) return replay(earlier, principal, creation);

      const { placement, meetingLink, expert } = await freeSlot(input.expertId, input.start, id);
      const ticket = input.ticketId ? await tickets.find(input.ticketId) : undefined;
      if (input.ticketId && ticket?.orgId !== principal.orgId) {
        throw violation('booking.ticket', `No ticket ${input.ticketId} of your organisation.`, { field: 'ticketId' });
      }
      const at = now().toISOString();
      const intent: BookingRecord = {
        id, status: 'pending', ...placement,
        expertId: input.expertId, expertName: expert.name, expertEmail: expert.email,
        orgId: principal.orgId, requesterId: principal.id, requesterName: principal.name, requesterEmail: principal.email,
        topic: input.topic, notes: input.notes, system: input.system, ticketId: ticket?.id, meetingLink,
        sequence: 0, version: 1, createdAt: at, updatedAt: at, release: [],
        ...creation.stamp,
      };
      if (!(await store.createBooking(intent))) {
        // A concurrent retry with the same key wrote the intent first: answer as that request does.
        return replay((await store.getBooking(id))!, principal, creation);
      }
      return { booking: await complete(intent), replayed: false };
    },

    async list(principal: Principal, query: { filter: BookingListFilter; limit: number; cursor?: string }) {
      const scope = principal.role === 'coordinator' ? 'all' as const
        : principal.role === 'expert' ? { expertId: principal.id } : { orgId: principal.orgId };
      return store.listBookings({ ...query, scope, now: now().toISOString() });
    },

    get: visible,

    /** Cancelling twice answers with the cancelled booking (a retry after a lost response). */
    async cancel(principal: Principal, id: string, reason?: string): Promise<BookingRecord> {
      return update(id, async (record) => {
        if (record.status === 'cancelled') return undefined;
        assertMayChange(record, principal, now());
        const at = now().toISOString();
        return {
          ...record, status: 'cancelled', sequence: record.sequence + 1, version: record.version + 1, updatedAt: at,
          cancelledAt: at, cancelledById: principal.id, cancelReason: reason, release: [...record.release, placementOf(record)],
        };
      }, principal);
    },

    /** Books the new slot (claim, charge) before the old one is given back, so the booking is never without one. */
    async reschedule(principal: Principal, id: string, start: string): Promise<BookingRecord> {
      const record = await settle.settleFirst(await visible(principal, id));
      if (record.status !== 'booked') throw violation('booking.cancelled', 'A cancelled booking cannot be moved; book a new session.');
      assertMayChange(record, principal, now());
      if (new Date(start).toISOString() === record.start) throw violation('booking.same-time', 'The booking is already at this time.', { field: 'start' });
      const { placement: target } = await freeSlot(record.expertId, start, record.id);
      const intent: BookingRecord = { ...record, move: { ...target, at: now().toISOString() }, version: record.version + 1, updatedAt: now().toISOString() };
      if (!(await store.replaceBooking(intent, record.version))) throw violation('booking.changed', 'The booking changed meanwhile; reload it and try again.');

      const rollBack = async (refusal: Violation): Promise<never> => {
        await settle.abandon(intent);
        throw refusal;
      };
      if (!(await claim(intent, target))) return rollBack(violation('slot.taken', 'Someone booked this slot a moment ago; pick another.'));
      if (!(await charge(intent, target, placementOf(record)))) {
        return rollBack(violation('allowance.spent', `Your organisation's mentoring allowance for ${quarterOf(target.start)} does not cover this session.`));
      }
      const moved: BookingRecord = {
        ...intent, ...target, move: undefined, rescheduledFrom: record.start,
        sequence: record.sequence + 1, version: intent.version + 1, updatedAt: now().toISOString(),
        release: [...intent.release, placementOf(record)],
      };
      if (await store.replaceBooking(moved, intent.version)) return settle.settle(moved);
      const fresh = await store.getBooking(id);
      if (fresh && fresh.status === 'booked' && fresh.start === target.start) return fresh;
      await settle.givePlacementBack(intent, target);
      throw violation('booking.changed', 'The booking changed meanwhile; reload it and try again.');
    },
  };
}

export type BookingService = ReturnType<typeof bookingService>;
