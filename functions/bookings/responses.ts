/** What the mentoring routes answer: documentation and the web app's types, never loaded by a function. */
import * as z from 'zod/mini';
import { documented, pageOf } from '../core/schemas.ts';

export const SlotSchema = documented(z.object({ start: z.string(), end: z.string() }), { id: 'Slot' });

export const SlotListSchema = documented(z.object({
  expertId: z.string(), timeZone: z.string(), slotMinutes: z.optional(z.number()),
  from: z.string(), to: z.string(), slots: z.array(SlotSchema),
}), { id: 'SlotList' });

const expertShape = {
  id: z.string(), name: z.string(), bio: z.string(), expertise: z.array(z.string()), skills: z.array(z.string()),
  languages: z.array(z.string()), systems: z.array(z.string()), timeZone: z.string(),
  slotMinutes: z.optional(z.number()), bookable: z.boolean(), score: z.optional(z.number()),
};

export const ExpertSchema = documented(z.object(expertShape), { id: 'Expert' });

export const OwnProfileSchema = documented(z.object({ ...expertShape, meetingLink: z.string() }), { id: 'OwnExpertProfile' });

export const BookingSchema = documented(z.object({
  id: z.string(), status: z.enum(['booked', 'cancelled']), start: z.string(), end: z.string(), minutes: z.number(),
  expertId: z.string(), expertName: z.string(), expertEmail: z.string(),
  orgId: z.string(), orgName: z.optional(documented(z.string(), { description: 'The organisation\'s name, when it has one on record' })),
  requesterId: z.string(), requesterName: z.string(), requesterEmail: z.string(),
  topic: z.string(), notes: z.optional(z.string()), system: z.optional(z.string()), ticketId: z.optional(z.string()),
  meetingLink: z.string(), sequence: z.number(), createdAt: z.string(), updatedAt: z.string(),
  cancelledAt: z.optional(z.string()), cancelledById: z.optional(z.string()), cancelReason: z.optional(z.string()),
  rescheduledFrom: z.optional(z.string()),
}), { id: 'Booking' });

export const BookingListSchema = documented(pageOf(BookingSchema), { id: 'BookingList' });

const allowanceShape = { minutes: z.number(), quarter: z.string(), used: z.number(), remaining: z.number() };

export const AllowanceSchema = documented(z.object({ orgId: z.string(), ...allowanceShape }), { id: 'Allowance' });

export const OrganisationListSchema = documented(z.object({
  items: z.array(documented(z.object({ id: z.string(), name: z.string(), ...allowanceShape }), { id: 'OrganisationAllowance' })),
}), { id: 'OrganisationList' });
