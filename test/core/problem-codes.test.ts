import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertMayChange, REQUESTER_CUTOFF_HOURS } from '../../functions/bookings/domain/access.ts';
import { failureViolation } from '../../functions/bookings/domain/failure.ts';
import { PROBLEM_TYPES, problemOf, problemOfViolation, type ProblemCode } from '../../functions/core/problem.ts';
import type { Principal } from '../../functions/core/principal.ts';
import { Violation } from '../../functions/core/violation.ts';
import { changePreferences } from '../../functions/notify/preferences.ts';
import { assertMayPost, assertTransition } from '../../functions/tickets/domain/state.ts';

const codeOf = (fn: () => unknown): string => {
  try { fn(); } catch (error) { return error instanceof Violation ? error.code : `not a violation: ${String(error)}`; }
  return 'no violation';
};

describe('the problem table (core/problem.ts)', () => {
  it('gives every code an error status and a title, and the type /problems/<code>', () => {
    const codes = Object.keys(PROBLEM_TYPES) as ProblemCode[];
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      const { status, title } = PROBLEM_TYPES[code];
      expect(Number.isInteger(status) && status >= 400 && status < 600, code).toBe(true);
      expect(title.trim(), code).not.toBe('');
      expect(code, 'a code is usable in a URL path as it is').toMatch(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)?$/);
      expect(problemOf(code, 'Why.')).toEqual({ type: `/problems/${code}`, code, title, status, detail: 'Why.' });
    }
  });

  it('answers a violation with its message as detail and its facts as extension members that never overwrite the standard ones', () => {
    const problem = problemOfViolation(new Violation('ticket.transition', 'A ticket cannot go from closed to waiting.', { from: 'closed', to: 'waiting', status: 200 }));
    expect(problem).toEqual({
      type: '/problems/ticket.transition', code: 'ticket.transition', title: 'Not possible', status: 422,
      detail: 'A ticket cannot go from closed to waiting.', from: 'closed', to: 'waiting',
    });
  });
});

describe('domain rules name what they refuse by code', () => {
  const requester: Principal = { id: 'u-maria', email: 'm@x', name: 'María', role: 'requester', orgId: 'aurora-ai' };
  const expert: Principal = { id: 'u-ana', email: 'a@x', name: 'Ana', role: 'expert' };

  it('tickets: transition and closed', () => {
    expect(codeOf(() => assertTransition('open', 'waiting', 'requester'))).toBe('ticket.transition');
    expect(codeOf(() => assertMayPost('closed', 'requester'))).toBe('ticket.closed');
    expect(codeOf(() => assertMayPost('closed', 'expert'))).toBe('no violation');
  });

  it('bookings: the requester cut-off', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    const soon = { start: new Date(now.getTime() + (REQUESTER_CUTOFF_HOURS - 1) * 3_600_000).toISOString() };
    expect(codeOf(() => assertMayChange(soon, requester, now))).toBe('booking.cutoff');
    expect(codeOf(() => assertMayChange(soon, expert, now))).toBe('no violation');
  });

  it('notifications: refused preferences, with the field errors as a fact', () => {
    try {
      changePreferences({ off: [], categories: [] }, { kinds: { slaBreach: false } }, expert);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Violation);
      expect((error as Violation).code).toBe('preferences.refused');
      expect((error as Violation).facts.errors).toEqual([{ field: 'kinds.slaBreach', message: 'This kind of e-mail cannot be turned off.' }]);
    }
  });

  it('a failed booking answers with the code it stored, and records from before codes still read', () => {
    expect(failureViolation({ code: 'slot.taken', detail: 'Taken.' })).toMatchObject({ code: 'slot.taken', message: 'Taken.' });
    expect(failureViolation({ status: 422, detail: 'Your organisation\'s mentoring allowance for 2026-Q4 is spent.' }).code).toBe('allowance.spent');
    expect(failureViolation({ status: 409, detail: 'Someone booked this slot a moment ago; pick another.' }).code).toBe('slot.taken');
    expect(failureViolation({ status: 409, detail: 'The booking was interrupted before it completed; book the slot again.' }).code).toBe('booking.interrupted');
  });
});

describe('domain code knows no HTTP', () => {
  it('no file under a domain/ folder imports the problem+json or HTTP modules', () => {
    const root = join(import.meta.dirname, '../../functions');
    const domainFiles = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => /(^|\/)domain\/.*\.ts$/.test(path));
    expect(domainFiles.length).toBeGreaterThan(10);
    for (const path of domainFiles) {
      const source = readFileSync(join(root, path), 'utf8');
      expect(source, path).not.toMatch(/from '[./]*core\/(problem|http|route|validation)\.ts'|from 'hono/);
    }
  });
});
