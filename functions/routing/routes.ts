import { defineRoute } from '../core/route.ts';
import { AbsencesBody, ExpertParams, ReassignBody, RoutingSettingsBody, ServiceHoursBody, SlaBody, SupportHoursBody } from './schemas.ts';

export const getServiceHoursRoute = defineRoute({ method: 'get', path: '/api/settings/service-hours' });
export const putServiceHoursRoute = defineRoute({ method: 'put', path: '/api/settings/service-hours', body: ServiceHoursBody });
export const getSlaRoute = defineRoute({ method: 'get', path: '/api/settings/sla' });
export const putSlaRoute = defineRoute({ method: 'put', path: '/api/settings/sla', body: SlaBody });
export const getRoutingRoute = defineRoute({ method: 'get', path: '/api/settings/routing' });
export const putRoutingRoute = defineRoute({ method: 'put', path: '/api/settings/routing', body: RoutingSettingsBody });
export const getSupportHoursRoute = defineRoute({ method: 'get', path: '/api/experts/me/support-hours' });
export const putSupportHoursRoute = defineRoute({ method: 'put', path: '/api/experts/me/support-hours', body: SupportHoursBody });
export const deleteSupportHoursRoute = defineRoute({ method: 'delete', path: '/api/experts/me/support-hours' });
export const getAbsencesRoute = defineRoute({ method: 'get', path: '/api/experts/me/absences' });
export const putAbsencesRoute = defineRoute({ method: 'put', path: '/api/experts/me/absences', body: AbsencesBody });
export const listRoutingExpertsRoute = defineRoute({ method: 'get', path: '/api/routing/experts' });
export const putExpertAbsencesRoute = defineRoute({ method: 'put', path: '/api/routing/experts/{id}/absences', params: ExpertParams, body: AbsencesBody });
export const reassignRoute = defineRoute({ method: 'post', path: '/api/routing/experts/{id}/reassign', params: ExpertParams, body: ReassignBody });
