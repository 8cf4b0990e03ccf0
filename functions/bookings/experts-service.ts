import type { Clock } from '../core/clock.ts';
import type { Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { rankExperts, type ExpertFilter } from './domain/matching.ts';
import type { Availability, ExpertProfile, Slot } from './domain/model.ts';
import { bookableRange, LONGEST_SESSION_MS, offeredSlots } from './domain/slots.ts';
import type { BookingStore } from './store.ts';

const DAY = 86_400_000;
export const DEFAULT_SLOT_RANGE_DAYS = 14;

export interface SlotListing {
  expertId: string;
  timeZone: string;
  slotMinutes?: number;
  from: string;
  to: string;
  slots: Slot[];
}

export function expertsService({ store, clock }: { store: BookingStore; clock: Clock }) {
  return {
    async list(filter: ExpertFilter): Promise<Array<{ expert: ExpertProfile; score: number }>> {
      return rankExperts(await store.listExperts(), filter);
    },

    /** Free slots of [from, to), capped by the expert's notice and horizon. */
    async slots(expertId: string, range: { from?: Date; to?: Date }): Promise<SlotListing> {
      const expert = await store.getExpert(expertId);
      if (!expert) throw problems.notFound(`No expert ${expertId}.`);
      const now = clock.now();
      const from = range.from ?? now;
      const to = range.to ?? new Date(from.getTime() + DEFAULT_SLOT_RANGE_DAYS * DAY);
      const availability = expert.availability;
      if (!availability) return { expertId, timeZone: expert.timeZone, from: from.toISOString(), to: to.toISOString(), slots: [] };
      const capped = bookableRange(availability, from, to, now);
      const taken = capped.from < capped.to
        ? await store.listClaims(expertId, new Date(capped.from.getTime() - LONGEST_SESSION_MS).toISOString(), capped.to.toISOString())
        : [];
      return {
        expertId,
        timeZone: availability.timeZone,
        slotMinutes: availability.slotMinutes,
        from: capped.from.toISOString(),
        to: (capped.from < capped.to ? capped.to : capped.from).toISOString(),
        slots: offeredSlots(availability, { from, to, now, taken }),
      };
    },

    /** The caller's own profile; name and e-mail come from their identity. */
    async setProfile(principal: Principal, fields: Pick<ExpertProfile, 'bio' | 'expertise' | 'skills' | 'languages' | 'systems' | 'meetingLink'>): Promise<ExpertProfile> {
      // The zone belongs to the availability; an expert who has published none yet has none.
      const timeZone = (await store.getExpert(principal.id))?.timeZone ?? '';
      await store.putExpertProfile({ ...fields, id: principal.id, name: principal.name, email: principal.email, timeZone });
      return (await store.getExpert(principal.id))!;
    },

    /** The caller's own profile; 404 until they save one or publish availability. */
    async profileOf(principal: Principal): Promise<ExpertProfile> {
      const expert = await store.getExpert(principal.id);
      if (!expert) throw problems.notFound('You have no expert profile yet.');
      return expert;
    },

    /** The caller's published availability; 404 until they publish one. */
    async availabilityOf(principal: Principal): Promise<Availability> {
      const availability = (await store.getExpert(principal.id))?.availability;
      if (!availability) throw problems.notFound('You have not published your availability yet.');
      return availability;
    },

    async setAvailability(principal: Principal, availability: Availability): Promise<Availability> {
      await store.setAvailability({ id: principal.id, name: principal.name, email: principal.email }, availability);
      return availability;
    },
  };
}

export type ExpertsService = ReturnType<typeof expertsService>;
