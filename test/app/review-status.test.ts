import { describe, expect, it } from 'vitest';
import { dueState, isDue } from '../../site/src/app/reviewStatus.ts';

describe('guide review status on the viewer\'s day', () => {
  it.each([
    [undefined, 'never'],
    ['2026-12-05', 'overdue'],
    ['2026-12-06', 'soon'],
    ['2027-01-05', 'soon'],
    ['2027-01-06', 'ok'],
  ] as const)('due %s on 2026-12-06 is %s', (due, state) => {
    expect(dueState({ due }, '2026-12-06')).toBe(state);
    expect(isDue({ due }, '2026-12-06')).toBe(state !== 'ok');
  });
});
