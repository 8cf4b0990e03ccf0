import { violation, type Violation } from '../../core/violation.ts';

/** Why a booking intent failed: kept on the record, so a retry of it gets the same answer. */
export interface BookingFailure {
  code: 'slot.taken' | 'allowance.spent' | 'booking.interrupted';
  detail: string;
}

/** How records written before failures had codes keep theirs (data in a table outlives releases). */
export interface LegacyBookingFailure {
  status: 409 | 422;
  detail: string;
}

/** The violation a failed intent answers with. */
export function failureViolation(failure: BookingFailure | LegacyBookingFailure): Violation {
  return violation('code' in failure ? failure.code : legacyCode(failure), failure.detail);
}

// Before codes, 422 was only ever a spent allowance, and 409 a taken slot or an interrupted intent; their
// sentences told those two apart, and still do.
function legacyCode({ status, detail }: LegacyBookingFailure): BookingFailure['code'] {
  if (status === 422) return 'allowance.spent';
  return detail.startsWith('The booking was interrupted') ? 'booking.interrupted' : 'slot.taken';
}
