import { describe, expect, it } from 'vitest';
import { serviceFigures } from '../../functions/tickets/domain/figures.ts';
import type { Ticket, TicketEvent } from '../../functions/tickets/domain/model.ts';

const now = new Date('2026-11-30T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const status = (at: string, to: string): TicketEvent => ({ at, type: 'status', actorId: 'x', actorName: 'X', to });

function ticket(id: string, fields: Partial<Ticket>): Ticket {
  return {
    id, number: 1, reference: 'HD-1', orgId: 'o', requesterId: 'r', requesterName: 'R', subject: 's', body: 'b',
    category: 'other', priority: 'normal', status: 'new', createdAt: hoursAgo(10), updatedAt: hoursAgo(10),
    lastActivityAt: hoursAgo(10), messageCount: 0, version: 1, events: [], ...fields,
  };
}

describe('service figures', () => {
  const tickets = [
    ticket('a', { status: 'new', system: 'LUMI', createdAt: hoursAgo(1) }),
    ticket('b', { status: 'open', system: 'LUMI', createdAt: hoursAgo(20), firstResponseAt: hoursAgo(18), events: [status(hoursAgo(18), 'open')] }),
    ticket('c', { status: 'waiting', system: 'Leonardo', createdAt: hoursAgo(100), firstResponseAt: hoursAgo(96), events: [status(hoursAgo(96), 'open'), status(hoursAgo(95), 'waiting')] }),
    ticket('d', { status: 'resolved', createdAt: hoursAgo(50), firstResponseAt: hoursAgo(44), resolvedAt: hoursAgo(26), events: [status(hoursAgo(44), 'open'), status(hoursAgo(26), 'resolved')] }),
    ticket('e', { status: 'closed', createdAt: hoursAgo(2000), firstResponseAt: hoursAgo(1990), resolvedAt: hoursAgo(1900) }),
    ticket('f', { status: 'new', priority: 'urgent', createdAt: hoursAgo(30) }),
  ];
  const deflections = [
    { id: '1', at: hoursAgo(5), orgId: 'o', guide: 'slurm-basics' },
    { id: '2', at: hoursAgo(4), orgId: 'o', guide: 'slurm-basics' },
    { id: '3', at: hoursAgo(3), orgId: 'o', guide: 'python-envs' },
  ];
  const figures = serviceFigures(tickets, deflections, now, 30);

  it('counts the open backlog by status and by system', () => {
    expect(figures.backlog).toEqual({ total: 4, byStatus: { new: 2, open: 1, waiting: 1 }, bySystem: { LUMI: 2, Leonardo: 1, unspecified: 1 } });
  });

  it('takes medians of first response and resolution within the window only', () => {
    expect(figures.firstResponse).toEqual({ count: 3, medianMinutes: 4 * 60 });
    expect(figures.resolution).toEqual({ count: 1, medianMinutes: 24 * 60 });
  });

  it('counts SLA breaches among open tickets', () => {
    // f: urgent, 30 h without an answer; the others are within their targets.
    expect(figures.slaBreaches.openBreached).toBe(1);
  });

  it('counts deflections and their top guides', () => {
    expect(figures.deflections).toEqual({ count: 3, topGuides: [{ guide: 'slurm-basics', count: 2 }, { guide: 'python-envs', count: 1 }] });
  });

  it('gives a day-by-day series ending today', () => {
    expect(figures.createdPerDay).toHaveLength(30);
    expect(figures.createdPerDay.at(-1)!.date).toBe('2026-11-30');
    expect(figures.createdPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(figures.created);
    expect(figures.created).toBe(5);
  });
});
