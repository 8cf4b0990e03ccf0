import { describe, expect, it } from 'vitest';
import { assertMayChange, maySee } from '../../functions/bookings/domain/access.ts';
import { rankExperts } from '../../functions/bookings/domain/matching.ts';
import type { ExpertProfile } from '../../functions/bookings/domain/model.ts';
import { chargeMarker, quarterOf } from '../../functions/bookings/domain/quota.ts';
import { principalFor, type Principal } from '../../functions/core/principal.ts';

const expert = (id: string, name: string, expertise: string[], languages: string[], systems: string[]): ExpertProfile => ({
  id, name, email: `${id}@x.example`, bio: '', expertise: expertise as ExpertProfile['expertise'], skills: [], languages,
  systems: systems as ExpertProfile['systems'], timeZone: 'Europe/Rome', meetingLink: 'https://v.example',
});
const experts = [
  expert('a', 'Ana', ['distributed-training', 'amd-rocm-lumi'], ['en', 'es'], ['LUMI']),
  expert('g', 'Giulia', ['llm-finetuning'], ['en', 'it'], ['Leonardo']),
  expert('m', 'Mikko', ['containers-apptainer'], ['en', 'fi'], ['LUMI', 'Leonardo']),
];
const person = (role: Principal['role'], id: string, orgId?: string): Principal => principalFor({ id, email: `${id}@x.example`, name: id }, role, orgId)!;

describe('expert matching', () => {
  it('puts the topic first, then language, then system, and leaves out experts matching nothing', () => {
    expect(rankExperts(experts, { topic: 'llm-finetuning', lang: 'es' }).map((r) => [r.expert.id, r.score])).toEqual([['g', 4], ['a', 2]]);
    expect(rankExperts(experts, { system: 'Leonardo', lang: 'fi' }).map((r) => r.expert.id)).toEqual(['m', 'g']);
    expect(rankExperts(experts, { topic: 'billing-accounting' })).toEqual([]);
  });

  it('lists everyone by name without criteria', () => {
    expect(rankExperts(experts, {}).map((r) => r.expert.id)).toEqual(['a', 'g', 'm']);
  });
});

describe('quota periods', () => {
  it('uses calendar quarters in UTC', () => {
    expect(quarterOf('2026-03-31T23:59:59Z')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01T00:00:00Z')).toBe('2026-Q2');
    expect(quarterOf('2026-12-31T12:00:00Z')).toBe('2026-Q4');
  });

  it('marks each charge by booking and slot', () => {
    expect(chargeMarker('b1', '2026-12-01T09:00:00.000Z')).not.toBe(chargeMarker('b1', '2026-12-01T10:00:00.000Z'));
  });
});

describe('who may see and change a booking', () => {
  const booking = { orgId: 'aurora-ai', expertId: 'u-ana', start: '2026-12-02T09:00:00.000Z' };

  it('shows it to the organisation, its expert and coordinators only', () => {
    expect(maySee(booking, person('requester', 'u-maria', 'aurora-ai'))).toBe(true);
    expect(maySee(booking, person('requester', 'u-lea', 'basalt-labs'))).toBe(false);
    expect(maySee(booking, person('expert', 'u-ana'))).toBe(true);
    expect(maySee(booking, person('expert', 'u-mikko'))).toBe(false);
    expect(maySee(booking, person('coordinator', 'u-coord'))).toBe(true);
  });

  it('stops requesters 24 hours before the start, never staff', () => {
    const maria = person('requester', 'u-maria', 'aurora-ai');
    expect(() => assertMayChange(booking, maria, new Date('2026-12-01T09:00:00Z'))).not.toThrow();
    expect(() => assertMayChange(booking, maria, new Date('2026-12-01T09:00:01Z'))).toThrow(/24 hours/);
    expect(() => assertMayChange(booking, person('expert', 'u-ana'), new Date('2026-12-02T08:59:00Z'))).not.toThrow();
  });
});
