import { describe, expect, it } from 'vitest';
import { addClaim, claimDaysOf, removeClaim, type ClaimedInterval } from '../../functions/bookings/domain/claims.ts';

const interval = (start: string, end: string, bookingId: string): ClaimedInterval => ({ start: `2026-12-10T${start}:00.000Z`, end: `2026-12-10T${end}:00.000Z`, bookingId });

describe('the days a claim is stored on', () => {
  it('is the one UTC day of a session inside it, both days of one crossing midnight, and not the next day for one ending at midnight', () => {
    expect(claimDaysOf({ start: '2026-12-10T10:00:00.000Z', end: '2026-12-10T11:00:00.000Z' })).toEqual(['2026-12-10']);
    expect(claimDaysOf({ start: '2026-12-09T23:00:00.000Z', end: '2026-12-10T00:30:00.000Z' })).toEqual(['2026-12-09', '2026-12-10']);
    expect(claimDaysOf({ start: '2026-12-09T23:00:00.000Z', end: '2026-12-10T00:00:00.000Z' })).toEqual(['2026-12-09']);
  });
});

describe('adding a claim to a day', () => {
  const held = [interval('10:00', '11:00', 'b1')];

  it('is refused by any overlapping interval of another booking, whatever its start', () => {
    expect(addClaim(held, interval('10:30', '11:30', 'b2'))).toEqual({ blocking: held });
    expect(addClaim(held, interval('09:15', '10:15', 'b2'))).toEqual({ blocking: held });
    expect(addClaim(held, interval('10:15', '10:45', 'b2'))).toEqual({ blocking: held });
  });

  it('accepts touching sessions, keeps the day sorted, and changes nothing when the booking holds the interval already', () => {
    const decision = addClaim(held, interval('09:00', '10:00', 'b2'));
    expect(decision).toEqual({ write: [interval('09:00', '10:00', 'b2'), ...held] });
    expect(addClaim(held, interval('11:00', '12:00', 'b2'))).toEqual({ write: [...held, interval('11:00', '12:00', 'b2')] });
    expect(addClaim(held, interval('10:00', '11:00', 'b1'))).toEqual({ unchanged: true });
  });

  it("lets a booking overlap its own interval (a move by less than the session's length)", () => {
    expect(addClaim(held, interval('10:30', '11:30', 'b1'))).toEqual({ write: [...held, interval('10:30', '11:30', 'b1')] });
  });
});

describe('removing a claim from a day', () => {
  it("removes only the booking's interval at that start, and is a no-op when it is not there", () => {
    const day = [interval('10:00', '11:00', 'b1'), interval('10:30', '11:30', 'b1'), interval('12:00', '13:00', 'b2')];
    expect(removeClaim(day, interval('10:00', '11:00', 'b1'))).toEqual({ write: [day[1], day[2]] });
    expect(removeClaim(day, interval('12:00', '13:00', 'b1'))).toEqual({ unchanged: true });
  });
});
