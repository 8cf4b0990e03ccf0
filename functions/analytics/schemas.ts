import * as z from 'zod/mini';
import { documented, GuideSlug, line, queryInteger } from '../core/schemas.ts';
import { MAX_REASON_LENGTH } from './domain/normalise.ts';

/** What a reader's search looked like, sent by the site's script: never who searched. */
export const SearchEventBody = documented(z.strictObject({
  // Longer text is accepted and cut when normalised (domain/normalise.ts); far longer is not a search.
  query: line(1, 500),
  results: z.int().check(z.minimum(0), z.maximum(100_000)),
  opened: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
}).check(z.superRefine((event, ctx) => {
  // A result opened is one of the results shown: position 3 of 2 is no event a page sends.
  if (event.opened !== undefined && event.opened > event.results) {
    ctx.addIssue({ code: 'custom', path: ['opened'], message: 'Must be at most results (the position of a result shown, 1 = first).', input: event });
  }
})), { id: 'SearchEvent', description: '`opened` (position of the result opened, 1 = first) when a result was opened; otherwise the results were shown.' });

export const FeedbackBody = documented(z.strictObject({
  guide: GuideSlug,
  helpful: z.boolean(),
  reason: z.optional(line(1, MAX_REASON_LENGTH)),
}).check(z.superRefine((event, ctx) => {
  // The page asks why only after "no"; a reason with "yes" is no event it sends.
  if (event.helpful && event.reason !== undefined) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Only with helpful: false (why the guide did not help).', input: event });
})), { id: 'GuideFeedback', description: '`reason` only with `helpful: false`.' });

/** Up to 13 months are kept; a report looks back at most a year. */
export const ReportQuery = z.object({ days: queryInteger(1, 366, 30) });
