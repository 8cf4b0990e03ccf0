import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../functions/tickets/domain/model.ts';
import { computeSla, DEFAULT_SLA } from '../../functions/tickets/domain/sla.ts';

const H = 3_600_000;
const t0 = Date.parse('2026-11-02T09:00:00Z');
const at = (hours: number) => new Date(t0 + hours * H).toISOString();
const status = (hours: number, to: string): TicketEvent => ({ at: at(hours), type: 'status', actorId: 'x', actorName: 'X', to });

describe('SLA clocks', () => {
  it('sets due times from the priority targets', () => {
    const sla = computeSla({ priority: 'urgent', createdAt: at(0), events: [] }, new Date(at(1)));
    expect(sla.firstResponseDue).toBe(at(4));
    expect(sla.resolutionDue).toBe(at(48));
    expect(sla.breached).toBe(false);
    expect(DEFAULT_SLA.low.resolutionMs).toBe(20 * 24 * H);
  });

  it('breaches first response when no answer came in time', () => {
    const sla = computeSla({ priority: 'high', createdAt: at(0), events: [] }, new Date(at(9)));
    expect(sla.firstResponseBreached).toBe(true);
    expect(sla.resolutionBreached).toBe(false);
    expect(sla.breached).toBe(true);
  });

  it('judges first response at the time it came, not now', () => {
    const sla = computeSla({ priority: 'high', createdAt: at(0), firstResponseAt: at(7), events: [status(7, 'open')] }, new Date(at(30)));
    expect(sla.firstResponseBreached).toBe(false);
  });

  it('pauses while waiting on the requester', () => {
    const events = [status(1, 'open'), status(2, 'waiting'), status(12, 'open')];
    const sla = computeSla({ priority: 'high', createdAt: at(0), firstResponseAt: at(1), events }, new Date(at(13)));
    // `high` resolves in 45 business hours on the default calendar (Brussels, Mon-Fri 09:00-18:00): Monday
    // 10:00-12:00 counts 2 h, the wait (12:00-22:00) takes the rest of Monday, Tuesday to Friday count 36 h,
    // the last 7 h end on Monday 9 November at 16:00 Brussels time (15:00 UTC).
    expect(sla.resolutionDue).toBe('2026-11-09T15:00:00.000Z');
    expect(sla.paused).toBe(false);
  });

  it('keeps moving the due time while the ticket still waits', () => {
    const events = [status(1, 'waiting')];
    const sla = computeSla({ priority: 'urgent', createdAt: at(0), events }, new Date(at(10)));
    expect(sla.paused).toBe(true);
    expect(sla.firstResponseDue).toBe(at(4 + 9));
    expect(sla.firstResponseBreached).toBe(false);
  });

  it('judges resolution when the ticket was resolved, and later time does not count', () => {
    const events = [status(1, 'open'), status(40, 'resolved')];
    const early = computeSla({ priority: 'urgent', createdAt: at(0), firstResponseAt: at(1), events }, new Date(at(500)));
    expect(early.resolutionBreached).toBe(false);
    expect(early.resolutionDue).toBe(at(48));
    const late = computeSla({ priority: 'urgent', createdAt: at(0), firstResponseAt: at(1), events: [status(1, 'open'), status(50, 'resolved')] }, new Date(at(60)));
    expect(late.resolutionBreached).toBe(true);
  });

  it('continues the resolution clock after a reopen, less the time spent resolved', () => {
    const events = [status(1, 'open'), status(10, 'resolved'), status(30, 'open')];
    const sla = computeSla({ priority: 'urgent', createdAt: at(0), firstResponseAt: at(1), events }, new Date(at(60)));
    expect(sla.resolutionDue).toBe(at(48 + 20));
    expect(sla.resolutionBreached).toBe(false);
    expect(computeSla({ priority: 'urgent', createdAt: at(0), firstResponseAt: at(1), events }, new Date(at(69))).resolutionBreached).toBe(true);
  });
});
