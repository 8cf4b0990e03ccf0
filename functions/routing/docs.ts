import type { RouteDoc } from '../core/openapi.ts';
import { BODY_PROBLEMS } from '../core/openapi.ts';
import { AbsencesSchema, ReassignedSchema, RoutingExpertsSchema, RoutingSettingsSchema, ServiceHoursSchema, SlaPolicySchema, SupportHoursSchema } from './responses.ts';
import {
  deleteSupportHoursRoute, getAbsencesRoute, getRoutingRoute, getServiceHoursRoute, getSlaRoute, getSupportHoursRoute, listRoutingExpertsRoute,
  putAbsencesRoute, putExpertAbsencesRoute, putRoutingRoute, putServiceHoursRoute, putSlaRoute, putSupportHoursRoute, reassignRoute,
} from './routes.ts';

const READ = ['unauthorized', 'forbidden'] as const;
const WRITE = [...BODY_PROBLEMS, 'unauthorized', 'forbidden'] as const;

/** Routing's rows of the OpenAPI document (served by the tickets function). */
export const routingDocs: RouteDoc[] = [
  { route: getServiceHoursRoute, tags: ['routing'], responses: { 200: { description: 'The service calendar (default until a coordinator saves one)', schema: ServiceHoursSchema } }, errors: [...READ] },
  { route: putServiceHoursRoute, tags: ['routing'], description: 'Coordinators: time zone, weekly hours, holidays.', responses: { 200: { description: 'Saved', schema: ServiceHoursSchema } }, errors: [...WRITE] },
  { route: getSlaRoute, tags: ['routing'], description: 'Anyone signed in: the targets requesters are promised (the new-ticket form shows them).', responses: { 200: { description: 'Targets per priority', schema: SlaPolicySchema } }, errors: ['unauthorized'] },
  { route: putSlaRoute, tags: ['routing'], description: 'Coordinators: per priority, first-response and resolution hours on the business or the always clock.', responses: { 200: { description: 'Saved', schema: SlaPolicySchema } }, errors: [...WRITE] },
  { route: getRoutingRoute, tags: ['routing'], responses: { 200: { description: 'Auto-assignment and per-category lists', schema: RoutingSettingsSchema } }, errors: [...READ] },
  { route: putRoutingRoute, tags: ['routing'], description: 'Coordinators: auto-assignment on or off; per category an ordered list of experts or "anyone".', responses: { 200: { description: 'Saved', schema: RoutingSettingsSchema } }, errors: [...WRITE] },
  { route: getSupportHoursRoute, tags: ['routing'], responses: { 200: { description: 'Your support hours, or the service hours you follow', schema: SupportHoursSchema } }, errors: [...READ] },
  { route: putSupportHoursRoute, tags: ['routing'], description: 'Experts: the hours new tickets may reach you (may differ from mentoring availability).', responses: { 200: { description: 'Saved', schema: SupportHoursSchema } }, errors: [...WRITE] },
  { route: deleteSupportHoursRoute, tags: ['routing'], description: 'Follow the service hours again.', responses: { 200: { description: 'Cleared', schema: SupportHoursSchema } }, errors: [...READ] },
  { route: getAbsencesRoute, tags: ['routing'], responses: { 200: { description: 'Your absences', schema: AbsencesSchema } }, errors: [...READ] },
  { route: putAbsencesRoute, tags: ['routing'], description: 'Experts: replaces your absences; nothing new routes to you while away.', responses: { 200: { description: 'Saved', schema: AbsencesSchema } }, errors: [...WRITE] },
  { route: listRoutingExpertsRoute, tags: ['routing'], description: 'Coordinators: every expert; an expert: their own row.', responses: { 200: { description: 'Load, duty, absences and tickets at risk', schema: RoutingExpertsSchema } }, errors: [...READ] },
  { route: putExpertAbsencesRoute, tags: ['routing'], description: "Coordinators: replaces an expert's absences.", responses: { 200: { description: 'Saved', schema: AbsencesSchema } }, errors: [...WRITE, 'not-found'] },
  { route: reassignRoute, tags: ['routing'], description: "Coordinators: reassigns the expert's tickets at risk (to `to`, or routed again without them).", responses: { 200: { description: 'What moved where', schema: ReassignedSchema } }, errors: [...WRITE, 'not-found', 'ticket.assignee', 'busy'] },
];
