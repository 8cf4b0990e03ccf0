/**
 * The coordinators' report from the day counters: what readers searched for, what found nothing, what found
 * something nobody opened, and which guides readers said did not help them, and why. Pure.
 */

/** One normalised query's counters on one day. */
export interface SearchCounters {
  day: string;
  query: string;
  /** Searches whose results were shown. */
  searches: number;
  /** Of those, how many showed no result. */
  empty: number;
  /** Results opened from this query. */
  opens: number;
  /** Sum of the opened positions (1 = first), for the mean. */
  positions: number;
}

/** One guide's feedback with one reason ('' for none) on one day. */
export interface FeedbackCounters {
  day: string;
  guide: string;
  reason: string;
  helpful: number;
  unhelpful: number;
}

export interface QueryRow {
  query: string;
  searches: number;
  empty: number;
  opens: number;
  /** Mean position of the results opened (1 = first); absent when none was. */
  meanPosition?: number;
}

export interface GuideRow {
  guide: string;
  helpful: number;
  unhelpful: number;
  reasons: Array<{ reason: string; count: number }>;
}

export interface AnalyticsReport {
  from: string;
  to: string;
  windowDays: number;
  totals: { searches: number; empty: number; opens: number; helpful: number; unhelpful: number };
  topQueries: QueryRow[];
  noResults: QueryRow[];
  noClicks: QueryRow[];
  unhelpfulGuides: GuideRow[];
}

/** Rows per list: a to-do list, not a dump. */
export const REPORT_ROWS = 25;

const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);

function byQuery(counters: readonly SearchCounters[]): QueryRow[] {
  const rows = new Map<string, QueryRow & { positions: number }>();
  for (const c of counters) {
    const row = rows.get(c.query) ?? { query: c.query, searches: 0, empty: 0, opens: 0, positions: 0 };
    row.searches += c.searches;
    row.empty += c.empty;
    row.opens += c.opens;
    row.positions += c.positions;
    rows.set(c.query, row);
  }
  return [...rows.values()].map(({ positions, ...row }) => (row.opens ? { ...row, meanPosition: Math.round((positions / row.opens) * 10) / 10 } : row));
}

function byGuide(counters: readonly FeedbackCounters[]): GuideRow[] {
  const rows = new Map<string, GuideRow>();
  for (const c of counters) {
    const row = rows.get(c.guide) ?? { guide: c.guide, helpful: 0, unhelpful: 0, reasons: [] };
    row.helpful += c.helpful;
    row.unhelpful += c.unhelpful;
    if (c.reason && c.unhelpful) {
      const known = row.reasons.find((r) => r.reason === c.reason);
      if (known) known.count += c.unhelpful;
      else row.reasons.push({ reason: c.reason, count: c.unhelpful });
    }
    rows.set(c.guide, row);
  }
  return [...rows.values()].map((row) => ({ ...row, reasons: row.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)) }));
}

/** Most of its searches showed nothing (one empty search among many is a typo, not a missing guide). */
const findsNothing = (row: QueryRow) => row.empty > 0 && row.empty * 2 >= row.searches;

/** Most first, then alphabetical, so equal counts always list in the same order. */
const most = <T>(count: (row: T) => number, name: (row: T) => string) => (a: T, b: T) => count(b) - count(a) || name(a).localeCompare(name(b));

export function analyticsReport(searches: readonly SearchCounters[], feedback: readonly FeedbackCounters[], days: readonly string[]): AnalyticsReport {
  const queries = byQuery(searches);
  const guides = byGuide(feedback);
  const q = (row: QueryRow) => row.query;
  return {
    from: days[0] ?? '',
    to: days[days.length - 1] ?? '',
    windowDays: days.length,
    totals: {
      searches: sum(searches, (c) => c.searches), empty: sum(searches, (c) => c.empty), opens: sum(searches, (c) => c.opens),
      helpful: sum(feedback, (c) => c.helpful), unhelpful: sum(feedback, (c) => c.unhelpful),
    },
    topQueries: [...queries].sort(most((row) => row.searches, q)).slice(0, REPORT_ROWS),
    noResults: queries.filter(findsNothing).sort(most((row) => row.empty, q)).slice(0, REPORT_ROWS),
    // Each query is on one to-do list at most: one that mostly finds nothing is not also "nobody clicked".
    noClicks: queries.filter((row) => !findsNothing(row) && row.searches > row.empty && row.opens === 0).sort(most((row) => row.searches - row.empty, q)).slice(0, REPORT_ROWS),
    unhelpfulGuides: guides.filter((row) => row.unhelpful > 0).sort(most((row) => row.unhelpful, (row) => row.guide)).slice(0, REPORT_ROWS),
  };
}
