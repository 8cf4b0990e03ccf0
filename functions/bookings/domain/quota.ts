/** Each organisation's mentoring minutes per calendar quarter, unless a coordinator set another figure. */
export const DEFAULT_ALLOWANCE_MINUTES = 240;

/** The calendar quarter (UTC) a session falls in, e.g. "2026-Q4": the period whose minutes it uses. */
export function quarterOf(instant: string | Date): string {
  const date = new Date(instant);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/**
 * The per-booking marker a charge leaves on the quarter's counter, one per placement (booking and slot start):
 * a retried charge finds it and does not charge twice, and a refund removes it and gives back once.
 */
export function chargeMarker(bookingId: string, start: string): string {
  return `charge#${bookingId}#${start}`;
}

export function isChargeMarker(attribute: string): boolean {
  return attribute.startsWith('charge#');
}
