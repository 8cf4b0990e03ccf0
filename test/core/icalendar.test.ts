import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { calAddress, calendar, contentLine, escapeText, foldLine, paramValue, utcDateTime, type CalendarEvent } from '../../functions/core/icalendar.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');
/** Physical lines, without the final empty string after the last CRLF. */
const physicalLines = (s: string) => {
  expect(s.endsWith('\r\n')).toBe(true);
  return s.slice(0, -2).split('\r\n');
};

function expectWellFolded(folded: string, original: string) {
  expect(folded.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  const lines = physicalLines(folded);
  for (const line of lines) expect(octets(line), line).toBeLessThanOrEqual(75);
  for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
  // Every physical line is valid UTF-8 on its own: no character was split.
  for (const line of lines) expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
  expect(unfold(folded)).toBe(`${original}\r\n`);
}

const event: CalendarEvent = {
  uid: 'booking-1@example',
  sequence: 3,
  stamp: new Date('2026-01-02T03:04:05.678Z'),
  start: new Date('2026-01-10T09:00:00Z'),
  end: new Date('2026-01-10T09:45:00Z'),
  summary: 'Mentoring: a; b, c\\ d',
  description: 'Line one; with, punctuation\\ and a backslash\nLine two: Señora Müller — 東京 🚀',
  location: 'https://video.example/room?a=1&b=2',
  url: 'https://video.example/room?a=1&b=2',
  status: 'CONFIRMED',
  organizer: { name: 'Ana García', email: 'ana@support.example' },
  attendees: [{ name: 'Ortega, María', email: 'maria@aurora.example', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', rsvp: false }],
};

describe('TEXT escaping (RFC 5545 §3.3.11)', () => {
  it('escapes backslash, semicolon, comma and every line break, and nothing else', () => {
    expect(escapeText('a\\b;c,d:e"f')).toBe('a\\\\b\\;c\\,d:e"f');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('\\n')).toBe('\\\\n'); // a literal backslash-n stays distinguishable from a newline
    expect(escapeText('tab\there')).toBe('tab\there');
    expect(escapeText('bell\u0007nul\u0000')).toBe('bellnul');
    expect(escapeText('é 🚀')).toBe('é 🚀');
  });
});

describe('parameter values (§3.2, RFC 6868)', () => {
  it('quotes values holding ":", ";" or ",", and never lets a DQUOTE or line break through', () => {
    expect(paramValue('Ana García')).toBe('Ana García');
    expect(paramValue('Ortega, María')).toBe('"Ortega, María"');
    expect(paramValue('a;b')).toBe('"a;b"');
    expect(paramValue('a:b')).toBe('"a:b"');
    expect(paramValue('Maria "M" Ortega')).toBe("Maria ^'M^' Ortega");
    expect(paramValue('Ortega, "M"')).toBe(`"Ortega, ^'M^'"`);
    expect(paramValue('x^y\nz')).toBe('x^^y^nz');
  });

  it('writes CN quoted in ORGANIZER and ATTENDEE lines only when needed', () => {
    const text = unfold(calendar({ prodId: '-//T//T//EN', events: [event] }));
    expect(text).toContain('ORGANIZER;CN=Ana García:mailto:ana@support.example\r\n');
    expect(text).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;CN="Ortega, María":mailto:maria@aurora.example\r\n');
    expect(contentLine('ATTENDEE', calAddress('x@y.example'), { CN: 'Smith; John: "JJ"' }))
      .toBe(`ATTENDEE;CN="Smith; John: ^'JJ^'":mailto:x@y.example\r\n`);
  });
});

describe('values', () => {
  it('writes UTC DATE-TIME as YYYYMMDDTHHMMSSZ', () => {
    expect(utcDateTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
    expect(utcDateTime(new Date('2026-12-31T23:59:59Z'))).toBe('20261231T235959Z');
    expect(() => utcDateTime(new Date('nope'))).toThrow();
  });

  it('writes cal-addresses as mailto: URIs, with no control character that could end the line', () => {
    expect(calAddress('ana@support.example')).toBe('mailto:ana@support.example');
    expect(calAddress('a@b.example\r\nX-INJECTED:1')).toBe('mailto:a@b.example%0D%0AX-INJECTED:1');
  });
});

describe('line folding (§3.1)', () => {
  it('leaves a line of 75 octets alone and ends it with CRLF', () => {
    const line = `SUMMARY:${'x'.repeat(75 - 8)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(`${line}\r\n`);
  });

  it('folds a long ASCII line at 75 octets', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`;
    const folded = foldLine(line);
    expectWellFolded(folded, line);
    const lines = physicalLines(folded);
    expect(lines.length).toBeGreaterThan(4);
    for (const l of lines.slice(0, -1)) expect(octets(l)).toBe(75);
  });

  it('folds long lines of multi-byte characters without splitting one', () => {
    for (const chunk of ['é', '🚀', '東', 'aé🚀', 'e\u0301']) {
      for (let pad = 0; pad < 4; pad++) {
        const line = `SUMMARY:${'x'.repeat(pad)}${chunk.repeat(80)}`;
        expectWellFolded(foldLine(line), line);
      }
    }
  });
});

describe('calendar()', () => {
  it('ends every line with CRLF, folds every line, and round-trips through node-ical', () => {
    const text = calendar({ prodId: '-//HPC AI Support Centre//Mentoring//EN', method: 'REQUEST', name: 'Mentoring, sessions', events: [event] });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//HPC AI Support Centre//Mentoring//EN\r\nMETHOD:REQUEST\r\n')).toBe(true);
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(text)) expect(octets(line), line).toBeLessThanOrEqual(75);
    expect(text).toContain('DESCRIPTION:'); // long enough to be folded
    expect(physicalLines(text).some((line) => line.startsWith(' '))).toBe(true);
    expect(unfold(text)).toContain('X-WR-CALNAME:Mentoring\\, sessions\r\n');
    expect(unfold(text)).toContain('SUMMARY:Mentoring: a\\; b\\, c\\\\ d\r\n');

    const parsed = ical.sync.parseICS(text);
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe('REQUEST');
    const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(events).toHaveLength(1);
    const e = events[0] as unknown as Record<string, any>;
    expect(e.uid).toBe('booking-1@example');
    expect(Number(e.sequence)).toBe(3);
    expect(e.summary).toBe(event.summary);
    expect(e.description).toBe(event.description);
    expect(e.location).toBe(event.location);
    expect(e.status).toBe('CONFIRMED');
    expect(new Date(e.dtstamp).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(new Date(e.start).toISOString()).toBe('2026-01-10T09:00:00.000Z');
    expect(new Date(e.end).toISOString()).toBe('2026-01-10T09:45:00.000Z');
    expect(e.organizer.val).toBe('mailto:ana@support.example');
    expect(e.organizer.params.CN).toBe('Ana García');
    expect(e.attendee.val).toBe('mailto:maria@aurora.example');
    expect(e.attendee.params).toMatchObject({ CN: 'Ortega, María', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'ACCEPTED' });
  });

  it('leaves out what is not given', () => {
    const text = calendar({ prodId: '-//T//T//EN', events: [{ uid: 'u', sequence: 0, stamp: event.stamp, start: event.start, end: event.end, summary: 's' }] });
    expect(text).toBe([
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//T//T//EN',
      'BEGIN:VEVENT', 'UID:u', 'SEQUENCE:0', 'DTSTAMP:20260102T030405Z', 'DTSTART:20260110T090000Z', 'DTEND:20260110T094500Z', 'SUMMARY:s', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n'));
  });
});

describe('Unicode line separators (outside review, finding 3)', () => {
  // What e.g. Python's str.splitlines treats as a line end, beyond CR and LF.
  const UNICODE_BREAKS = ['\u2028', '\u2029', '\u0085', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e'];
  const splitlines = (s: string) => s.split(/\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/);
  const injected = (sep: string) => `Talk${sep}ATTENDEE:mailto:eve@evil.example`;

  it.each(UNICODE_BREAKS.map((sep) => [sep.codePointAt(0)!.toString(16).padStart(4, '0'), sep]))('U+%s never starts a line, in text, parameters or URIs', (_, sep) => {
    const text = calendar({ prodId: '-//T//T//EN', name: injected(sep), events: [{
      ...event, summary: injected(sep), description: injected(sep), location: injected(sep), url: `https://x.example/${injected(sep)}`,
      organizer: { name: injected(sep), email: `ana@support.example${sep}ATTENDEE:mailto:eve@evil.example` },
      attendees: [{ name: injected(sep), email: 'maria@aurora.example', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' }],
    }] });
    const lines = splitlines(unfold(text));
    expect(lines.filter((line) => line.startsWith('ATTENDEE')), text).toHaveLength(1);
    expect(text).not.toMatch(/[\u0080-\u009f\u2028\u2029]/);
  });

  it('keeps a separator\'s meaning as an escaped line break in TEXT', () => {
    expect(escapeText('a\u2028b\u2029c\u0085d')).toBe('a\\nb\\nc\\nd');
    expect(paramValue('a\u2028b')).toBe('a^nb');
    expect(escapeText('a\u0080\u009fb')).toBe('ab');
  });
});
