import * as z from 'zod/mini';
import { SYSTEMS } from '../core/catalog.ts';
import { Cursor, documented, Id, line, queryInteger, shortText, text } from '../core/schemas.ts';
import { TOPIC_IDS } from '../core/topics.ts';
import { availabilityViolations } from './domain/availability.ts';
import { SLOT_MINUTES, WEEKDAYS } from './domain/model.ts';

const DAY = 86_400_000;
/** The widest slot listing one request may ask for (the horizon caps it further). */
export const MAX_SLOT_RANGE_DAYS = 92;

/** User and organisation ids are slugs ("u-ana", "aurora-ai"). */
export const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Not an id.'));
const Instant = documented(z.iso.datetime({ offset: true }), { example: '2026-12-01T09:00:00Z' });
const HhMm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (00:00 to 23:59).'));
const wholeNumber = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const AvailabilityBody = documented(z.strictObject({
  timeZone: documented(z.string().check(z.minLength(1), z.maxLength(64)), { example: 'Europe/Madrid' }),
  slotMinutes: z.literal([...SLOT_MINUTES]),
  weekly: z.array(z.strictObject({ day: z.enum(WEEKDAYS), start: HhMm, end: HhMm })).check(z.maxLength(35)),
  exceptions: z._default(z.array(z.strictObject({ date: z.string().check(z.maxLength(10)), start: z.optional(HhMm), end: z.optional(HhMm) })).check(z.maxLength(366)), []),
  bufferMinutes: z._default(wholeNumber(0, 120), 0),
  noticeHours: z._default(wholeNumber(0, 720), 24),
  horizonDays: z._default(wholeNumber(1, 365), 60),
}).check(z.superRefine((value, ctx) => {
  for (const violation of availabilityViolations(value)) ctx.addIssue({ code: 'custom', path: violation.path, message: violation.message, input: value });
})), { id: 'Availability' });

const Language = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'A language code such as en or pt-BR.'));

export const ExpertProfileBody = documented(z.strictObject({
  bio: text(0, 2000),
  expertise: z.array(z.enum(TOPIC_IDS)).check(z.maxLength(10), z.refine((ids) => new Set(ids).size === ids.length, 'Name each topic once.')),
  skills: z._default(z.array(shortText(40)).check(z.maxLength(20)), []),
  languages: z.array(Language).check(z.minLength(1), z.maxLength(10)),
  systems: z._default(z.array(z.enum(SYSTEMS)).check(z.maxLength(SYSTEMS.length)), []),
  meetingLink: z.url({ protocol: /^https$/, error: 'An https:// link to your video room.' }).check(z.maxLength(500)),
}), { id: 'ExpertProfile' });

export const ListExpertsQuery = z.object({
  topic: z.optional(z.enum(TOPIC_IDS)),
  lang: z.optional(Language),
  system: z.optional(z.enum(SYSTEMS)),
});

export const ExpertParams = z.object({ id: Slug });
export const OrgParams = z.object({ id: Slug });
export const BookingParams = z.object({ id: Id });

export const SlotsQuery = z.object({
  from: z.optional(Instant),
  to: z.optional(Instant),
}).check(z.superRefine((query, ctx) => {
  if (!query.from || !query.to) return;
  const span = Date.parse(query.to) - Date.parse(query.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be after from.', input: query });
  else if (span > MAX_SLOT_RANGE_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_SLOT_RANGE_DAYS} days after from.`, input: query });
}));

export const CreateBookingBody = documented(z.strictObject({
  expertId: Slug,
  start: Instant,
  topic: documented(line(3, 200), { example: 'Scaling FSDP on Leonardo' }),
  notes: z.optional(text(0, 5000)),
  system: z.optional(z.enum(SYSTEMS)),
  ticketId: z.optional(documented(Id, { description: 'A ticket of your organisation: its id or reference (HD-1005)' })),
}), { id: 'NewBooking' });

export const CancelBody = documented(z.strictObject({ reason: z.optional(text(1, 1000)) }), { id: 'Cancellation' });
export const RescheduleBody = documented(z.strictObject({ start: Instant }), { id: 'Reschedule' });
export const AllowanceBody = documented(z.strictObject({ minutes: wholeNumber(0, 100_000) }), { id: 'AllowanceChange' });

export const ListBookingsQuery = z.object({
  filter: z._default(z.enum(['upcoming', 'past', 'cancelled']), 'upcoming'),
  limit: queryInteger(1, 100, 50),
  cursor: Cursor,
});
