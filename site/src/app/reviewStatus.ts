// Whether a guide is due for review, judged on the viewer's day (the review data may be older than today).
import type { GuideReview } from '../build/review.ts';
import { addDays } from '../build/dates.ts';

/** A review due within this many days counts as due soon, so experts can plan it. */
export const DUE_SOON_DAYS = 30;

export type DueState = 'never' | 'overdue' | 'soon' | 'ok';

export function dueState(review: Pick<GuideReview, 'due'>, today: string): DueState {
  if (!review.due) return 'never';
  if (review.due < today) return 'overdue';
  if (review.due <= addDays(today, DUE_SOON_DAYS)) return 'soon';
  return 'ok';
}

export const isDue = (review: Pick<GuideReview, 'due'>, today: string): boolean => dueState(review, today) !== 'ok';
