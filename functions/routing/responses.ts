/**
 * What routing's routes answer: documentation (the OpenAPI document) and the web app's types, never loaded by
 * the function itself.
 */
import * as z from 'zod/mini';
import { documented } from '../core/schemas.ts';

const Window = z.object({ day: z.string(), start: z.string(), end: z.string() });

export const ServiceHoursSchema = documented(z.object({ timeZone: z.string(), weekly: z.array(Window), holidays: z.array(z.string()) }), { id: 'ServiceHoursView' });

const Target = z.object({ hours: z.number(), clock: z.enum(['business', 'always']) });
const Targets = z.object({ firstResponse: Target, resolution: Target });
export const SlaPolicySchema = documented(z.object({ urgent: Targets, high: Targets, normal: Targets, low: Targets }), { id: 'SlaPolicyView' });

export const RoutingSettingsSchema = documented(z.object({
  autoAssign: z.boolean(), categories: z.record(z.string(), z.union([z.literal('anyone'), z.array(z.string())])),
}), { id: 'RoutingSettingsView' });

export const SupportHoursSchema = documented(z.object({
  timeZone: z.string(), weekly: z.array(Window),
  followsServiceHours: documented(z.boolean(), { description: 'true: none set; the service hours (and holidays) apply, shown here' }),
}), { id: 'SupportHoursView' });

const Absence = z.object({ from: z.string(), until: z.string(), note: z.optional(z.string()) });
export const AbsencesSchema = documented(z.object({ absences: z.array(Absence) }), { id: 'AbsencesView' });

export const RoutingExpertsSchema = documented(z.object({
  experts: z.array(z.object({
    id: z.string(), name: z.string(), categories: z.array(z.string()), topics: z.array(z.string()), systems: z.array(z.string()), languages: z.array(z.string()),
    supportHours: z.nullable(z.object({ timeZone: z.string(), weekly: z.array(Window) })),
    absences: z.array(Absence),
    load: documented(z.number(), { description: 'New and open tickets weighted by priority (urgent 4, high 2, normal 1, low 0.5)' }),
    openTickets: z.number(),
    lastAssignedAt: z.nullable(z.string()),
    duty: z.object({ state: z.enum(['on duty', 'off duty', 'away', 'no hours soon']), nextAt: z.optional(z.string()), until: z.optional(z.string()) }),
    atRisk: z.array(z.object({ ticketId: z.string(), reference: z.string(), subject: z.string(), due: z.string() })),
  })),
}), { id: 'RoutingExperts' });

export const ReassignedSchema = documented(z.object({
  reassigned: z.array(z.object({ ticketId: z.string(), reference: z.string(), assigneeId: z.nullable(z.string()), reason: z.string() })),
}), { id: 'Reassigned' });
