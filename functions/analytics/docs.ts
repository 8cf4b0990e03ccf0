import { BODY_PROBLEMS, type RouteDoc } from '../core/openapi.ts';
import { AnalyticsReportSchema } from './responses.ts';
import { feedbackRoute, reportRoute, searchEventRoute } from './routes.ts';

const RECORDED = { 202: { description: 'Counted (no body; nothing identifying the reader is kept)' } };

/** The analytics rows of the OpenAPI document. */
export const analyticsDocs: RouteDoc[] = [
  {
    route: searchEventRoute, tags: ['analytics'], public: true,
    description: 'A search\'s results were shown (`results`: how many), or one of them was opened (`opened`: its position). Counted per day and normalised query; no reader identifier is stored. Sources sending too many get 429 with Retry-After.',
    responses: RECORDED, errors: [...BODY_PROBLEMS, 'throttled'],
  },
  {
    route: feedbackRoute, tags: ['analytics'], public: true,
    description: '"Was this guide helpful?" Counted per day, guide and reason; no reader identifier is stored. Sources sending too many get 429 with Retry-After.',
    responses: RECORDED, errors: [...BODY_PROBLEMS, 'throttled'],
  },
  {
    route: reportRoute, tags: ['analytics'],
    description: 'What readers could not find over the last `days` days: the to-do list for the guides.',
    responses: { 200: { description: 'The report', schema: AnalyticsReportSchema } }, errors: ['validation', 'unauthorized', 'forbidden'],
  },
];
