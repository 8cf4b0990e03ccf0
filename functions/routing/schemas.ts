import * as z from 'zod/mini';
import { PRIORITIES, TICKET_CATEGORIES } from '../core/catalog.ts';
import { documented, Id, line } from '../core/schemas.ts';
import { WEEKDAYS, type RuleViolation } from '../core/weekly-hours.ts';
import { absenceViolations } from './domain/absences.ts';
import { serviceCalendarViolations, supportHoursViolations } from './domain/calendar-rules.ts';
import { SLA_CLOCKS } from './domain/counted-time.ts';
import { slaPolicyViolations, type SlaPolicyInput } from './domain/sla-policy.ts';

/** The domain's rules for what a schema cannot say, as issues located under `at`. */
function withRules<T>(rules: (value: T) => RuleViolation[], at: Array<string | number> = []) {
  return z.superRefine((value: T, ctx) => {
    for (const violation of rules(value)) ctx.addIssue({ code: 'custom', path: [...at, ...violation.path], message: violation.message, input: value });
  });
}

const HhMm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (00:00 to 23:59).'));
const TimeZone = documented(z.string().check(z.minLength(1), z.maxLength(64)), { example: 'Europe/Brussels' });
const Weekly = z.array(z.strictObject({ day: z.enum(WEEKDAYS), start: HhMm, end: HhMm })).check(z.maxLength(35));

export const ServiceHoursBody = documented(z.strictObject({
  timeZone: TimeZone,
  weekly: Weekly,
  holidays: z.array(z.string().check(z.maxLength(10))).check(z.maxLength(400)),
}).check(withRules(serviceCalendarViolations)), { id: 'ServiceHours' });

export const SupportHoursBody = documented(z.strictObject({ timeZone: TimeZone, weekly: Weekly }).check(withRules(supportHoursViolations)), { id: 'SupportHours' });

const Target = z.strictObject({ hours: z.number(), clock: z.enum(SLA_CLOCKS) });
const Targets = z.strictObject({ firstResponse: Target, resolution: Target });

export const SlaBody = documented(z.strictObject(Object.fromEntries(PRIORITIES.map((p) => [p, Targets])) as Record<(typeof PRIORITIES)[number], typeof Targets>)
  .check(withRules((value) => slaPolicyViolations(value as unknown as SlaPolicyInput))), { id: 'SlaPolicy' });

export const RoutingSettingsBody = documented(z.strictObject({
  autoAssign: z.boolean(),
  // Keys are checked by routingSettingsViolations (with the experts), so an unknown one is named in the error.
  categories: z._default(documented(z.record(z.string().check(z.maxLength(64)), z.union([z.literal('anyone'), z.array(Id).check(z.maxLength(50))])), {
    description: `Per ticket category (${TICKET_CATEGORIES.join(', ')}): an ordered list of expert ids, or "anyone" (the default)`,
  }), {}),
}), { id: 'RoutingSettings' });

export const AbsencesBody = documented(z.strictObject({
  absences: z.array(z.strictObject({
    from: documented(z.string().check(z.maxLength(40)), { example: '2027-01-05T00:00:00+01:00' }),
    until: documented(z.string().check(z.maxLength(40)), { example: '2027-01-09T00:00:00+01:00' }),
    // A line people write ("Conference (Berlin), back Monday"), not an identifier: shortText refused commas and brackets.
    note: z.optional(line(1, 200)),
  })).check(z.maxLength(100)),
}).check(withRules((value: { absences: Array<{ from: string; until: string }> }) => absenceViolations(value.absences), ['absences'])), { id: 'Absences' });

export const ExpertParams = z.object({ id: Id });

export const ReassignBody = documented(z.strictObject({ to: z.optional(Id) }), { id: 'Reassign' });
