/**
 * IANA time-zone arithmetic on epoch milliseconds, from the runtime's Intl time-zone data alone.
 *
 * Offsets are read with Intl.DateTimeFormat directly rather than with `tzOffset` of @date-fns/tz: in v1.5 that
 * function gets the sign wrong for offsets between -01:00 and 00:00 ("GMT-00:44:30" gives +44.5 minutes), which
 * are real for historical zones (Africa/Monrovia until 1972, local mean time in Lisbon, Madrid, Dublin...).
 * Sub-hour and odd offsets (Pacific/Chatham +12:45/+13:45, Asia/Kathmandu, Australia/Lord_Howe's 30-minute DST)
 * need nothing special; historical offsets with seconds come out as fractions of a minute. test/bookings/zone.test.ts
 * checks all of this against an independent date library.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, (date: Date) => string>();
const parsedOffsets = new Map<string, number>();

/** "…, GMT+05:45" (or "…, GMT" for a zero offset, or "…, GMT-00:36:45" with seconds); throws RangeError for an unknown zone. */
function offsetFormat(timeZone: string): (date: Date) => string {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format;
    formatters.set(timeZone, format);
  }
  return format;
}

function parseOffset(text: string): number {
  const gmt = text.lastIndexOf('GMT');
  const offset = gmt < 0 ? '' : text.slice(gmt + 3);
  let minutes = parsedOffsets.get(offset);
  if (minutes === undefined) {
    const match = /^([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(offset);
    if (offset !== '' && match === null) throw new RangeError(`Unexpected offset "${text}"`);
    // The sign applies to the whole offset: -00:36:45 is 36.75 minutes behind UTC.
    minutes = match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0)) / 60;
    parsedOffsets.set(offset, minutes);
  }
  return minutes;
}

/** Whether Intl knows the zone (any case: "europe/madrid" is valid; `canonicalZone` gives the usual spelling). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    offsetFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in minutes at an instant (+60 for CET). Throws RangeError for an unknown zone. */
export function offsetAt(timeZone: string, ms: number): number {
  return parseOffset(offsetFormat(timeZone)(new Date(ms)));
}

/**
 * The instant at which the zone's clocks show a wall-clock time, given as that time read as if it were UTC
 * (`Date.UTC(y, m, d, h, min)`). The algorithm of the date library used before (`fixOffset` in its
 * datetime.js): guess an offset, correct it once, and in a DST gap (skipped time) use the smaller of the two
 * offsets, so 02:30 in a skipped 02:00-03:00 becomes 03:30 new time. The guess here is the offset in force a
 * day earlier, so a repeated hour (DST end) always means its first occurrence. (That library's `fromObject`
 * guesses the offset the zone has *now*, so there the occurrence chosen depends on the season it runs in.)
 */
export function instantOfWallClock(timeZone: string, wallMs: number): number {
  const guess = offsetAt(timeZone, wallMs - DAY);
  let utc = wallMs - guess * MINUTE;
  const o2 = offsetAt(timeZone, utc);
  if (o2 === guess) return utc;
  utc -= (o2 - guess) * MINUTE;
  const o3 = offsetAt(timeZone, utc);
  if (o3 === o2) return utc;
  return wallMs - Math.min(o2, o3) * MINUTE;
}

/** The civil date an instant falls on in the zone, as that date's UTC midnight. */
export function civilDateOf(timeZone: string, ms: number): number {
  return Math.floor((ms + offsetAt(timeZone, ms) * MINUTE) / DAY) * DAY;
}

/** The zone's canonical spelling ("europe/madrid" is valid, "Europe/Madrid" is what we keep). */
export function canonicalZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
}

/** Zone offsets change by at most a few hours: an offset that holds this far either side holds throughout. */
const TRANSITION_REACH = 3 * 60 * MINUTE;

/**
 * Converts wall-clock times of civil dates in one zone to UTC instants, for walking many days in order. The
 * offset found last is tried first while no offset change is near (then the wall time is neither skipped nor
 * repeated); otherwise `instantOfWallClock` resolves it, DST gaps and repeated hours included (a repeated hour
 * means its first occurrence; a skipped time moves forward by the gap).
 */
export function wallClock(timeZone: string): (civilDay: number, minuteOfDay: number) => number {
  let offsetMinutes: number | undefined;
  return (civilDay, minuteOfDay) => {
    const asIfUtc = civilDay + minuteOfDay * MINUTE;
    if (offsetMinutes !== undefined) {
      const candidate = asIfUtc - offsetMinutes * MINUTE;
      const holds = (ms: number) => offsetAt(timeZone, ms) === offsetMinutes;
      if (holds(candidate - TRANSITION_REACH) && holds(candidate + TRANSITION_REACH)) return candidate;
    }
    const resolved = instantOfWallClock(timeZone, asIfUtc);
    offsetMinutes = offsetAt(timeZone, resolved);
    return resolved;
  };
}

/** Real offsets lie within UTC-12..UTC+14: every instant whose wall clock shows a date lies this close to it. */
const OFFSET_REACH = 15 * 60 * MINUTE;

/** The first instant in (from, to] whose offset differs from `offset`, or `to` when none is found. */
function nextOffsetChange(timeZone: string, from: number, to: number, offset: number): number {
  // Offsets change at most once in the ~2.5 days searched (DST changes are months apart), so the ends decide.
  if (offsetAt(timeZone, to - 1) === offset) return to;
  let same = from;
  let other = to - 1;
  while (other - same > 1) {
    const mid = Math.floor((same + other) / 2);
    if (offsetAt(timeZone, mid) === offset) same = mid;
    else other = mid;
  }
  return other;
}

/** A stretch of UTC instants [start, end) over which the zone's offset is `offsetMinutes`. */
export interface OffsetPiece {
  start: number;
  end: number;
  offsetMinutes: number;
}

/**
 * The instants whose wall clock shows a civil date (given as its UTC midnight), as pieces of constant offset in
 * time order: one piece on most days, two on a DST day. On a spring-forward day the skipped hour belongs to no
 * piece; on a fall-back day the repeated hour is in both (wall time 02:30 happens twice). Wall time w of a piece
 * is the instant `civilDay + w - offsetMinutes`, when that lies in the piece.
 */
export function civilDayPieces(timeZone: string, civilDay: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  const last = civilDay + DAY + OFFSET_REACH;
  for (let from = civilDay - OFFSET_REACH; from < last;) {
    const offsetMinutes = offsetAt(timeZone, from);
    const to = nextOffsetChange(timeZone, from, last, offsetMinutes);
    const start = Math.max(from, civilDay - offsetMinutes * MINUTE);
    const end = Math.min(to, civilDay + DAY - offsetMinutes * MINUTE);
    if (start < end) pieces.push({ start, end, offsetMinutes });
    from = to;
  }
  return pieces;
}
