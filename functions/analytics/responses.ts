/** What the analytics report answers: documentation and the web app's types, never loaded by a function. */
import * as z from 'zod/mini';
import { documented } from '../core/schemas.ts';

const QueryRowSchema = documented(z.object({
  query: z.string(),
  searches: z.int(),
  empty: documented(z.int(), { description: 'Searches that showed no result' }),
  opens: documented(z.int(), { description: 'Results opened from this query' }),
  meanPosition: z.optional(documented(z.number(), { description: 'Mean position of the results opened (1 = first)' })),
}), { id: 'QueryCounts' });

const GuideRowSchema = documented(z.object({
  guide: z.string(),
  helpful: z.int(),
  unhelpful: z.int(),
  reasons: z.array(z.object({ reason: z.string(), count: z.int() })),
}), { id: 'GuideFeedbackCounts' });

export const AnalyticsReportSchema = documented(z.object({
  from: documented(z.string(), { description: 'First day (UTC) of the window' }),
  to: documented(z.string(), { description: 'Last day (UTC), today' }),
  windowDays: z.int(),
  totals: z.object({ searches: z.int(), empty: z.int(), opens: z.int(), helpful: z.int(), unhelpful: z.int() }),
  topQueries: z.array(QueryRowSchema),
  noResults: documented(z.array(QueryRowSchema), { description: 'Queries most of whose searches showed no result' }),
  noClicks: documented(z.array(QueryRowSchema), { description: 'Queries that showed results nobody opened' }),
  unhelpfulGuides: documented(z.array(GuideRowSchema), { description: 'Guides readers said did not help, with their reasons' }),
  deflections: documented(z.string(), { description: 'Where the same window\'s deflections are (the service figures)' }),
}), { id: 'AnalyticsReport' });
