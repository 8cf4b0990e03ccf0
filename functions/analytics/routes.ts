import { defineRoute } from '../core/route.ts';
import { FeedbackBody, ReportQuery, SearchEventBody } from './schemas.ts';

export const searchEventRoute = defineRoute({ method: 'post', path: '/api/analytics/search', body: SearchEventBody });
export const feedbackRoute = defineRoute({ method: 'post', path: '/api/analytics/feedback', body: FeedbackBody });
export const reportRoute = defineRoute({ method: 'get', path: '/api/analytics/report', query: ReportQuery });
