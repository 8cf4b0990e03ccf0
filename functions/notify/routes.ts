import { defineRoute } from '../core/route.ts';
import { DeliveryParams, ParkedQuery, PersonalSettingsBody, PreferencesBody, UnsubscribeQuery, WithdrawReplyAddressesBody } from './schemas.ts';
import { UNSUBSCRIBE_PATH } from './unsubscribe.ts';

export const getPreferencesRoute = defineRoute({ method: 'get', path: '/api/me/notifications' });
export const putPreferencesRoute = defineRoute({ method: 'put', path: '/api/me/notifications', body: PreferencesBody });
export const listParkedRoute = defineRoute({ method: 'get', path: '/api/notifications/parked', query: ParkedQuery });
export const replayParkedRoute = defineRoute({ method: 'post', path: '/api/notifications/parked/{id}/replay', params: DeliveryParams });
export const getPersonalRoute = defineRoute({ method: 'get', path: '/api/me/preferences' });
export const putPersonalRoute = defineRoute({ method: 'put', path: '/api/me/preferences', body: PersonalSettingsBody });
/** RFC 8058: mail clients POST the link in List-Unsubscribe; a person opening it gets a page that asks first. */
export const unsubscribePageRoute = defineRoute({ method: 'get', path: UNSUBSCRIBE_PATH, query: UnsubscribeQuery });
export const unsubscribeRoute = defineRoute({ method: 'post', path: UNSUBSCRIBE_PATH, query: UnsubscribeQuery });
export const withdrawReplyAddressesRoute = defineRoute({ method: 'post', path: '/api/notifications/reply-addresses/withdraw', body: WithdrawReplyAddressesBody });
