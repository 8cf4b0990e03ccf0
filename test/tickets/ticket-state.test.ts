import { describe, expect, it } from 'vitest';
import { allowedTransitions, assertTransition, statusAfterMessage } from '../../functions/tickets/domain/state.ts';
import { TICKET_STATUSES } from '../../functions/tickets/domain/model.ts';
import { Violation } from '../../functions/core/violation.ts';

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

  it('refuses an invalid change with ticket.transition naming both states', () => {
    try {
      assertTransition('closed', 'waiting', 'expert');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Violation);
      const violation = error as Violation;
      expect(violation.code).toBe('ticket.transition');
      expect(violation.facts).toEqual({ from: 'closed', to: 'waiting' });
      expect(violation.message).toContain('closed');
      expect(violation.message).toContain('waiting');
    }
    expect(() => assertTransition('open', 'waiting', 'requester')).toThrow(Violation);
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
