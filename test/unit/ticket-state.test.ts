import { describe, expect, it } from 'vitest';
import { allowedTransitions, assertTransition, statusAfterMessage } from '../../functions/tickets/domain/state.ts';
import { TICKET_STATUSES } from '../../functions/tickets/domain/model.ts';
import { ProblemError } from '../../functions/core/problem.ts';

describe('ticket state machine', () => {
  it('lets staff move through the lifecycle and reopen a closed ticket', () => {
    expect(allowedTransitions('new', 'expert')).toEqual(['open', 'waiting', 'resolved', 'closed']);
    expect(allowedTransitions('waiting', 'coordinator')).toContain('open');
    expect(allowedTransitions('closed', 'expert')).toEqual(['open']);
  });

  it('lets requesters only close, or reopen a resolved ticket', () => {
    for (const from of TICKET_STATUSES) {
      const allowed = allowedTransitions(from, 'requester');
      expect(allowed.every((to) => to === 'closed' || (from === 'resolved' && to === 'open'))).toBe(true);
    }
    expect(allowedTransitions('resolved', 'requester')).toEqual(['open', 'closed']);
    expect(allowedTransitions('closed', 'requester')).toEqual([]);
  });

  it('refuses an invalid change with a 422 naming both states', () => {
    try {
      assertTransition('closed', 'waiting', 'expert');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      const { problem } = error as ProblemError;
      expect(problem.status).toBe(422);
      expect(problem).toMatchObject({ from: 'closed', to: 'waiting' });
      expect(problem.detail).toContain('closed');
      expect(problem.detail).toContain('waiting');
    }
    expect(() => assertTransition('open', 'waiting', 'requester')).toThrow(ProblemError);
  });

  it('moves a ticket on messages: staff reply opens new, requester reply reopens waiting or resolved', () => {
    expect(statusAfterMessage('new', 'expert', false)).toBe('open');
    expect(statusAfterMessage('new', 'expert', true)).toBeUndefined();
    expect(statusAfterMessage('open', 'expert', false)).toBeUndefined();
    expect(statusAfterMessage('waiting', 'requester', false)).toBe('open');
    expect(statusAfterMessage('resolved', 'requester', false)).toBe('open');
    expect(statusAfterMessage('new', 'requester', false)).toBeUndefined();
    expect(statusAfterMessage('closed', 'requester', false)).toBeUndefined();
  });
});
