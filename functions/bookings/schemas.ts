import { z } from '@hono/zod-openapi';
import { SYSTEMS } from '../core/catalog.ts';
import { Id, shortText, text } from '../core/schemas.ts';
import { TOPIC_IDS } from '../core/topics.ts';
import { availabilityViolations } from './domain/availability.ts';
import { SLOT_MINUTES, WEEKDAYS } from './domain/model.ts';

const DAY = 86_400_000;
/** The widest slot listing one request may ask for (the horizon caps it further). */
export const MAX_SLOT_RANGE_DAYS = 92;

/** User and organisation ids are slugs ("u-ana", "aurora-ai"). */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Not an id.');
const Instant = z.iso.datetime({ offset: true }).openapi({ example: '2026-12-01T09:00:00Z' });
const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (00:00 to 23:59).');

export const AvailabilityBody = z.strictObject({
  timeZone: z.string().min(1).max(64).openapi({ example: 'Europe/Madrid' }),
  slotMinutes: z.literal([...SLOT_MINUTES]),
  weekly: z.array(z.strictObject({ day: z.enum(WEEKDAYS), start: HhMm, end: HhMm })).max(35),
  exceptions: z.array(z.strictObject({ date: z.string().max(10), start: HhMm.optional(), end: HhMm.optional() })).max(366).default([]),
  bufferMinutes: z.number().int().min(0).max(120).default(0),
  noticeHours: z.number().int().min(0).max(720).default(24),
  horizonDays: z.number().int().min(1).max(365).default(60),
}).superRefine((value, ctx) => {
  for (const violation of availabilityViolations(value)) ctx.addIssue({ code: 'custom', path: violation.path, message: violation.message });
}).openapi('Availability');

const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'A language code such as en or pt-BR.');

export const ExpertProfileBody = z.strictObject({
  bio: text(0, 2000),
  expertise: z.array(z.enum(TOPIC_IDS)).max(10).refine((ids) => new Set(ids).size === ids.length, 'Name each topic once.'),
  skills: z.array(shortText(40)).max(20).default([]),
  languages: z.array(Language).min(1).max(10),
  systems: z.array(z.enum(SYSTEMS)).max(SYSTEMS.length).default([]),
  meetingLink: z.url({ protocol: /^https$/, error: 'An https:// link to your video room.' }).max(500),
}).openapi('ExpertProfile');

export const ListExpertsQuery = z.object({
  topic: z.enum(TOPIC_IDS).optional(),
  lang: Language.optional(),
  system: z.enum(SYSTEMS).optional(),
});

export const ExpertParams = z.object({ id: Slug.openapi({ param: { name: 'id', in: 'path' } }) });
export const OrgParams = z.object({ id: Slug.openapi({ param: { name: 'id', in: 'path' } }) });
export const BookingParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });

export const SlotsQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
}).superRefine((query, ctx) => {
  if (!query.from || !query.to) return;
  const span = Date.parse(query.to) - Date.parse(query.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be after from.' });
  else if (span > MAX_SLOT_RANGE_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_SLOT_RANGE_DAYS} days after from.` });
});

export const CreateBookingBody = z.strictObject({
  expertId: Slug,
  start: Instant,
  topic: text(3, 200).openapi({ example: 'Scaling FSDP on Leonardo' }),
  notes: text(0, 5000).optional(),
  system: z.enum(SYSTEMS).optional(),
  ticketId: Id.optional(),
}).openapi('NewBooking');

export const CancelBody = z.strictObject({ reason: text(1, 1000).optional() }).openapi('Cancellation');
export const RescheduleBody = z.strictObject({ start: Instant }).openapi('Reschedule');
export const AllowanceBody = z.strictObject({ minutes: z.number().int().min(0).max(100_000) }).openapi('AllowanceChange');

export const ListBookingsQuery = z.object({
  filter: z.enum(['upcoming', 'past', 'cancelled']).default('upcoming'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

export const SlotSchema = z.object({ start: z.string(), end: z.string() }).openapi('Slot');

export const SlotListSchema = z.object({
  expertId: z.string(), timeZone: z.string(), slotMinutes: z.number().optional(),
  from: z.string(), to: z.string(), slots: z.array(SlotSchema),
}).openapi('SlotList');

export const ExpertSchema = z.object({
  id: z.string(), name: z.string(), bio: z.string(), expertise: z.array(z.string()), skills: z.array(z.string()),
  languages: z.array(z.string()), systems: z.array(z.string()), timeZone: z.string(),
  slotMinutes: z.number().optional(), bookable: z.boolean(), score: z.number().optional(),
}).openapi('Expert');

export const OwnProfileSchema = ExpertSchema.extend({ meetingLink: z.string() }).openapi('OwnExpertProfile');

export const BookingSchema = z.object({
  id: z.string(), status: z.enum(['booked', 'cancelled']), start: z.string(), end: z.string(), minutes: z.number(),
  expertId: z.string(), expertName: z.string(), expertEmail: z.string(),
  orgId: z.string(), requesterId: z.string(), requesterName: z.string(), requesterEmail: z.string(),
  topic: z.string(), notes: z.string().optional(), system: z.string().optional(), ticketId: z.string().optional(),
  meetingLink: z.string(), sequence: z.number(), createdAt: z.string(), updatedAt: z.string(),
  cancelledAt: z.string().optional(), cancelledById: z.string().optional(), cancelReason: z.string().optional(),
  rescheduledFrom: z.string().optional(),
}).openapi('Booking');

export const BookingListSchema = z.object({ items: z.array(BookingSchema), cursor: z.string().optional() }).openapi('BookingList');

export const AllowanceSchema = z.object({
  orgId: z.string(), minutes: z.number(), quarter: z.string(), used: z.number(), remaining: z.number(),
}).openapi('Allowance');

export const OrganisationListSchema = z.object({
  items: z.array(z.object({
    id: z.string(), name: z.string(), quarter: z.string(), minutes: z.number(), used: z.number(), remaining: z.number(),
  }).openapi('OrganisationAllowance')),
}).openapi('OrganisationList');
