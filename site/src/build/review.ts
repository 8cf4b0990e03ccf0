// Keeping guides right: who owns each guide, when it was last reviewed, when the next review is due,
// and its Check notes. The build writes this as guides/review.json for the web app's review page and
// prints the guides whose review is overdue. Pure: `today` comes in.
import type { CheckNote } from './checkNotes.ts';
import { addDays } from './dates.ts';
import type { Guide } from './model.ts';

/** A guide is due for review this many days after its last review. */
export const REVIEW_INTERVAL_DAYS = 180;

export interface GuideReview {
  slug: string;
  title: string;
  url: string;
  /** expert id, absent when nobody owns the guide */
  owner?: string;
  ownerName?: string;
  reviewed?: string;
  /** reviewed + REVIEW_INTERVAL_DAYS; absent when never reviewed (due now) */
  due?: string;
  overdue: boolean;
  checks: CheckNote[];
}

export interface ReviewData {
  version: 1;
  generated: string;
  intervalDays: number;
  /** most urgent first: never reviewed, then by due date, then by title */
  guides: GuideReview[];
}

export function guideReview(guide: Guide, today: string): GuideReview {
  const reviewed = guide.meta.reviewed;
  const due = reviewed ? addDays(reviewed, REVIEW_INTERVAL_DAYS) : undefined;
  return {
    slug: guide.slug,
    title: guide.meta.title,
    url: guide.url,
    ...(guide.owner ? { owner: guide.owner.id, ownerName: guide.owner.name } : {}),
    ...(reviewed ? { reviewed, due } : {}),
    overdue: due === undefined || due < today,
    checks: guide.rendered.checks,
  };
}

export function reviewData(guides: readonly Guide[], today: string): ReviewData {
  const reviews = guides.map((guide) => guideReview(guide, today));
  reviews.sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.title.localeCompare(b.title));
  return { version: 1, generated: today, intervalDays: REVIEW_INTERVAL_DAYS, guides: reviews };
}

/** One line per overdue guide, for the build's output. */
export function staleReviewLines(data: ReviewData): string[] {
  return data.guides
    .filter((review) => review.overdue)
    .map((review) =>
      `${review.slug}: ${review.reviewed ? `last reviewed ${review.reviewed}, due ${review.due}` : 'never reviewed'}` +
      `${review.ownerName ? ` (owner ${review.ownerName})` : ' (no owner)'}`,
    );
}
