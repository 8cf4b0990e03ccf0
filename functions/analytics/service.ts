import type { Clock } from '../core/clock.ts';
import { analyticsReport, type AnalyticsReport } from './domain/report.ts';
import { normaliseQuery, normaliseReason } from './domain/normalise.ts';
import { dayOf, lastDays } from './domain/retention.ts';
import type { AnalyticsStore } from './store.ts';

export interface AnalyticsDeps {
  store: AnalyticsStore;
  clock: Clock;
}

/** Readers' events into the day's counters, and the coordinators' report from them. */
export function analyticsService({ store, clock }: AnalyticsDeps) {
  const today = () => dayOf(clock.now());
  return {
    async recordSearch(event: { query: string; results: number; opened?: number }): Promise<void> {
      const query = normaliseQuery(event.query);
      await store.addSearch(event.opened === undefined
        ? { day: today(), query, kind: 'shown', results: event.results }
        : { day: today(), query, kind: 'opened', position: event.opened });
    },

    async recordFeedback(event: { guide: string; helpful: boolean; reason?: string }): Promise<void> {
      // A reason comes only with "no" (the schema refuses one with "yes").
      await store.addFeedback({ day: today(), guide: event.guide, helpful: event.helpful, reason: normaliseReason(event.reason) });
    },

    async report(windowDays: number): Promise<AnalyticsReport> {
      const days = lastDays(clock.now(), windowDays);
      const [searches, feedback] = await Promise.all([store.searches(days), store.feedback(days)]);
      return analyticsReport(searches, feedback, days);
    },
  };
}
