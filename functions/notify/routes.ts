import { defineRoute } from '../core/route.ts';
import { DeliveryParams, ParkedQuery, PreferencesBody, WithdrawReplyAddressesBody } from './schemas.ts';

export const getPreferencesRoute = defineRoute({ method: 'get', path: '/api/me/notifications' });
export const putPreferencesRoute = defineRoute({ method: 'put', path: '/api/me/notifications', body: PreferencesBody });
export const listParkedRoute = defineRoute({ method: 'get', path: '/api/notifications/parked', query: ParkedQuery });
export const replayParkedRoute = defineRoute({ method: 'post', path: '/api/notifications/parked/{id}/replay', params: DeliveryParams });
export const withdrawReplyAddressesRoute = defineRoute({ method: 'post', path: '/api/notifications/reply-addresses/withdraw', body: WithdrawReplyAddressesBody });
