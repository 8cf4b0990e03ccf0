import type { FeedbackCounters, SearchCounters } from './domain/report.ts';

/** One event added to the day's counters. */
export type SearchEvent = { day: string; query: string } & ({ kind: 'shown'; results: number } | { kind: 'opened'; position: number });
export interface FeedbackEvent { day: string; guide: string; reason: string; helpful: boolean }

/** The counters' storage: adds an event in one write, reads days back. */
export interface AnalyticsStore {
  addSearch(event: SearchEvent): Promise<void>;
  addFeedback(event: FeedbackEvent): Promise<void>;
  searches(days: readonly string[]): Promise<SearchCounters[]>;
  feedback(days: readonly string[]): Promise<FeedbackCounters[]>;
}
