import { defineRoute } from '../core/route.ts';
import { DeliveryParams, ParkedQuery, PersonalSettingsBody, PreferencesBody } from './schemas.ts';

export const getPreferencesRoute = defineRoute({ method: 'get', path: '/api/me/notifications' });
export const putPreferencesRoute = defineRoute({ method: 'put', path: '/api/me/notifications', body: PreferencesBody });
export const listParkedRoute = defineRoute({ method: 'get', path: '/api/notifications/parked', query: ParkedQuery });
export const replayParkedRoute = defineRoute({ method: 'post', path: '/api/notifications/parked/{id}/replay', params: DeliveryParams });
export const getPersonalRoute = defineRoute({ method: 'get', path: '/api/me/preferences' });
export const putPersonalRoute = defineRoute({ method: 'put', path: '/api/me/preferences', body: PersonalSettingsBody });
