import { describe, expect, it } from 'vitest';
import { chooseAssignee, type Candidate, type RoutingContext, type TicketToRoute } from '../../functions/routing/domain/assign.ts';
import type { ServiceCalendar } from '../../functions/routing/domain/calendar.ts';
import { LOAD_WEIGHTS, loadOf } from '../../functions/routing/domain/load.ts';
import { DEFAULT_ROUTING, type RoutingSettings } from '../../functions/routing/domain/routing-settings.ts';

const weekdays = (start: string, end: string) => (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));
const calendar: ServiceCalendar = { timeZone: 'Europe/Brussels', weekly: weekdays('09:00', '18:00'), holidays: ['2027-01-14'] };
/** Tuesday 2027-01-12 10:00 in Brussels. */
const TUESDAY_10 = new Date('2027-01-12T09:00:00Z');

const ana: Candidate = {
  id: 'ana', name: 'Ana García', categories: ['ai-training-and-inference', 'jobs-and-scheduling'], topics: ['distributed-training', 'llm-finetuning'],
  systems: ['LUMI', 'MareNostrum 5'], languages: ['es', 'en'], absences: [], load: 2, openTickets: 2,
};
/** Works 08:00-16:00 Helsinki time (06:00-14:00 UTC in winter). */
const mikko: Candidate = {
  id: 'mikko', name: 'Mikko Virtanen', categories: ['jobs-and-scheduling', 'ai-training-and-inference'], topics: ['slurm-basics', 'distributed-training'],
  systems: ['LUMI'], languages: ['fi', 'en', 'sv'], supportHours: { timeZone: 'Europe/Helsinki', weekly: weekdays('08:00', '16:00') }, absences: [], load: 1, openTickets: 1,
};
const jan: Candidate = {
  id: 'jan', name: 'Jan Novák', categories: ['jobs-and-scheduling', 'software-and-containers'], topics: ['containers-apptainer'],
  systems: ['Karolina'], languages: ['cs-CZ', 'en'], absences: [], load: 0, openTickets: 0,
};
const roster = [ana, mikko, jan];
const away = (expert: Candidate, from: string, until: string): Candidate => ({ ...expert, absences: [{ from, until }] });
const context = (overrides: Partial<RoutingContext> = {}): RoutingContext => ({ settings: DEFAULT_ROUTING, calendar, now: TUESDAY_10, ...overrides });
const jobs: TicketToRoute = { category: 'jobs-and-scheduling', priority: 'normal' };
const list = (category: string, ids: string[]): RoutingSettings => ({ autoAssign: true, categories: { [category]: ids } });

describe('routing: who gets the ticket', () => {
  const cases: Array<{ name: string; ticket: TicketToRoute; candidates?: Candidate[]; context?: Partial<RoutingContext>; expected: string | null }> = [
    { name: 'only experts in the category', ticket: { category: 'software-and-containers', priority: 'normal' }, expected: 'jan' },
    { name: 'topic outranks load', ticket: { ...jobs, topic: 'slurm-basics' }, expected: 'mikko' },
    { name: 'topic outranks system and language', ticket: { ...jobs, topic: 'containers-apptainer', system: 'LUMI', language: 'es' }, candidates: [ana, mikko, { ...jan, load: 9 }], expected: 'jan' },
    { name: 'system, then lower load', ticket: { ...jobs, system: 'LUMI' }, expected: 'mikko' },
    { name: 'system outranks language', ticket: { ...jobs, system: 'Karolina', language: 'es' }, candidates: [ana, mikko, { ...jan, load: 5 }], expected: 'jan' },
    { name: '"other" is no system to match', ticket: { ...jobs, system: 'other' }, candidates: [ana, { ...mikko, systems: ['other'] }, { ...jan, load: 5 }], expected: 'mikko' },
    { name: 'language (any region of it) outranks load', ticket: { ...jobs, language: 'es-ES' }, expected: 'ana' },
    { name: 'lower load among equal fits', ticket: jobs, expected: 'jan' },
    { name: 'priority weighs in through load', ticket: jobs, candidates: [ana, { ...mikko, load: LOAD_WEIGHTS.urgent }, { ...jan, load: loadOf([{ priority: 'urgent', status: 'open' }, { priority: 'low', status: 'new' }]) }], expected: 'ana' },
    { name: 'on duty before a better fit off duty (17:00 Brussels, Mikko done at 16:00 Helsinki)', ticket: { ...jobs, topic: 'slurm-basics' }, context: { now: new Date('2027-01-12T16:00:00Z') }, expected: 'jan' },
    { name: 'own hours: on duty on the centre\'s holiday', ticket: { ...jobs, language: 'es' }, context: { now: new Date('2027-01-14T09:00:00Z') }, expected: 'mikko' },
    { name: 'away experts are out', ticket: jobs, candidates: [ana, mikko, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], expected: 'mikko' },
    { name: 'an absence that has ended does not count', ticket: jobs, candidates: [ana, mikko, away(jan, '2027-01-04T00:00:00+01:00', '2027-01-12T00:00:00+01:00')], expected: 'jan' },
    { name: 'outside everyone\'s hours: whoever is back soonest (Helsinki opens first)', ticket: { ...jobs, language: 'es' }, context: { now: new Date('2027-01-13T02:00:00Z') }, expected: 'mikko' },
    { name: 'outside hours, equal starts: the better fit', ticket: { ...jobs, language: 'es' }, candidates: [ana, jan], context: { now: new Date('2027-01-13T02:00:00Z') }, expected: 'ana' },
    { name: 'ties: never assigned first', ticket: jobs, candidates: [{ ...ana, load: 0, lastAssignedAt: '2027-01-01T00:00:00Z' }, { ...jan, load: 0 }], expected: 'jan' },
    { name: 'ties: assigned longest ago', ticket: jobs, candidates: [{ ...ana, load: 0, lastAssignedAt: '2027-01-05T00:00:00Z' }, { ...jan, load: 0, lastAssignedAt: '2027-01-08T00:00:00Z' }], expected: 'ana' },
    { name: 'ties: then id, whatever the roster order', ticket: jobs, candidates: [{ ...jan, id: 'zed', load: 0 }, { ...ana, load: 0 }, { ...jan, id: 'bob', load: 0 }], expected: 'ana' },
    { name: 'ordered list: first on duty in order, whatever the fit and load', ticket: { ...jobs, system: 'LUMI', language: 'es' }, context: { settings: list('jobs-and-scheduling', ['jan', 'ana']) }, expected: 'jan' },
    { name: 'ordered list: skips the away', ticket: jobs, candidates: [ana, mikko, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], context: { settings: list('jobs-and-scheduling', ['jan', 'ana']) }, expected: 'ana' },
    { name: 'ordered list: may name someone outside the category', ticket: { category: 'data-and-storage', priority: 'low' }, context: { settings: list('data-and-storage', ['mikko']) }, expected: 'mikko' },
    { name: 'ordered list: nobody else', ticket: jobs, candidates: [ana, mikko, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], context: { settings: list('jobs-and-scheduling', ['jan']) }, expected: null },
    { name: '"anyone" is the default', ticket: jobs, context: { settings: { autoAssign: true, categories: { 'jobs-and-scheduling': 'anyone' } } }, expected: 'jan' },
    { name: 'auto-assignment off', ticket: jobs, context: { settings: { autoAssign: false, categories: {} } }, expected: null },
    { name: 'nobody handles the category', ticket: { category: 'data-and-storage', priority: 'normal' }, expected: null },
    { name: 'everyone matching away', ticket: { category: 'software-and-containers', priority: 'normal' }, candidates: [ana, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], expected: null },
  ];

  it.each(cases)('$name', ({ ticket, candidates, context: overrides, expected }) => {
    expect(chooseAssignee(ticket, candidates ?? roster, context(overrides)).assigneeId).toBe(expected);
  });

  it('skips an expert with no support hours in the next two weeks', () => {
    // Off duty now (evening) and away from tomorrow for three weeks.
    const gone = away({ ...jan, load: 0 }, '2027-01-13T00:00:00+01:00', '2027-02-03T00:00:00+01:00');
    const result = chooseAssignee(jobs, [gone, ana], context({ now: new Date('2027-01-12T20:00:00Z') }));
    expect(result.assigneeId).toBe('ana');
    expect(result.considered.map((c) => [c.expertId, c.duty])).toEqual([['ana', 'off duty'], ['jan', 'no hours soon']]);
  });

  it('lists who was considered, best placed first', () => {
    const result = chooseAssignee({ ...jobs, system: 'LUMI' }, [ana, mikko, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], context());
    expect(result.considered).toEqual([
      { expertId: 'mikko', name: 'Mikko Virtanen', duty: 'on duty', fits: ['system'], load: 1 },
      { expertId: 'ana', name: 'Ana García', duty: 'on duty', fits: ['system'], load: 2 },
      { expertId: 'jan', name: 'Jan Novák', duty: 'away', awayUntil: '2027-01-17T23:00:00.000Z', fits: [], load: 0 },
    ]);
  });
});

describe('routing: reasons a coordinator reads', () => {
  const reason = (ticket: TicketToRoute, candidates: Candidate[] = roster, overrides: Partial<RoutingContext> = {}) => chooseAssignee(ticket, candidates, context(overrides)).reason;

  it('names what fitted and the workload', () => {
    expect(reason({ category: 'ai-training-and-inference', topic: 'distributed-training', system: 'LUMI', language: 'es', priority: 'high' }))
      .toBe('assigned to Ana García: distributed training, LUMI, speaks Spanish, 2 open tickets');
    expect(reason({ category: 'ai-training-and-inference', topic: 'distributed-training', priority: 'high' }, roster, { topicLabel: () => 'Multi-GPU and multi-node training' }))
      .toBe('assigned to Mikko Virtanen: Multi-GPU and multi-node training, 1 open ticket');
    expect(reason(jobs)).toBe('assigned to Jan Novák: Jobs and scheduling, no open tickets');
    expect(reason(jobs, [{ ...jan, openTickets: undefined, load: 2.5 }])).toBe('assigned to Jan Novák: Jobs and scheduling, load 2.5');
  });

  it('says when a tie went to whoever was next in turn', () => {
    expect(reason(jobs, [{ ...ana, load: 0, openTickets: 0, lastAssignedAt: '2027-01-11T00:00:00Z' }, { ...jan, lastAssignedAt: '2027-01-10T00:00:00Z' }]))
      .toBe('assigned to Jan Novák: Jobs and scheduling, no open tickets, next in turn');
  });

  it('says when nobody was on duty and when the assignee starts', () => {
    expect(reason({ ...jobs, language: 'es' }, roster, { now: new Date('2027-01-13T02:00:00Z') }))
      .toBe('assigned to Mikko Virtanen, first back on duty (Wed 13 January at 07:00 Brussels time) as nobody is on duty now: Jobs and scheduling, 1 open ticket');
  });

  it('names the ordered list and who on it was passed over', () => {
    expect(reason(jobs, [ana, mikko, away(jan, '2027-01-11T00:00:00+01:00', '2027-01-18T00:00:00+01:00')], { settings: list('jobs-and-scheduling', ['jan', 'ana']) }))
      .toBe('assigned to Ana García: first on duty on the Jobs and scheduling list, Jobs and scheduling, 2 open tickets (Jan Novák is away until Mon 18 January)');
  });

  it('says why nobody was assigned', () => {
    const mikkoAway = away(mikko, '2027-01-05T00:00:00+02:00', '2027-01-12T14:30:00+01:00');
    expect(reason(jobs, [mikkoAway, away(jan, '2027-01-11T00:00:00+01:00', '2028-01-03T00:00:00+01:00')]))
      .toBe('nobody with expertise in Jobs and scheduling is available: Mikko Virtanen is away until Tue 12 January at 14:30 Brussels time; Jan Novák is away until Mon, 3 January 2028');
    expect(reason(jobs, [ana], { settings: list('jobs-and-scheduling', ['nobody-here']) })).toBe('the Jobs and scheduling list names no current expert');
    expect(reason({ category: 'data-and-storage', priority: 'normal' })).toBe('no expert handles Data and storage');
    expect(reason(jobs, roster, { settings: { autoAssign: false, categories: {} } })).toBe('auto-assignment is off: a coordinator assigns this ticket');
  });
});

describe('routing: fairness', () => {
  const equals: Candidate[] = ['a', 'b', 'c'].map((id) => ({ ...jan, id, name: id.toUpperCase(), load: 0, openTickets: 0 }));

  /** Routes `count` tickets, one a minute; `closeEvery` closes the oldest open ticket after every so many. */
  function simulate(count: number, closeEvery?: number): Record<string, number> {
    const experts = equals.map((e) => ({ ...e }));
    const open: Array<{ assignee: string; priority: 'normal' }> = [];
    const assigned: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < count; i++) {
      const now = new Date(TUESDAY_10.getTime() + i * 60_000);
      const result = chooseAssignee(jobs, experts, context({ now }));
      const chosen = experts.find((e) => e.id === result.assigneeId)!;
      chosen.load += LOAD_WEIGHTS.normal;
      chosen.lastAssignedAt = now.toISOString();
      assigned[chosen.id]!++;
      open.push({ assignee: chosen.id, priority: 'normal' });
      if (closeEvery && (i + 1) % closeEvery === 0) {
        const closed = open.shift()!;
        const owner = experts.find((e) => e.id === closed.assignee)!;
        owner.load = loadOf(open.filter((t) => t.assignee === owner.id).map((t) => ({ ...t, status: 'open' })));
      }
    }
    return assigned;
  }

  const spread = (counts: Record<string, number>) => Math.max(...Object.values(counts)) - Math.min(...Object.values(counts));

  it('spreads 90 tickets of one category over three equally fit experts', () => {
    expect(simulate(90)).toEqual({ a: 30, b: 30, c: 30 });
  });

  it('stays within one ticket while tickets close along the way', () => {
    for (const closeEvery of [1, 2, 3, 4, 7]) expect(spread(simulate(90, closeEvery)), `closing every ${closeEvery}`).toBeLessThanOrEqual(1);
  });
});
