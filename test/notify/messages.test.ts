import { describe, expect, it } from 'vitest';
import type { Booking } from '../../functions/bookings/domain/model.ts';
import type { Notice } from '../../functions/notify/domain/notice.ts';
import { toMime, type OutgoingMail } from '../../functions/notify/mime.ts';
import { render } from '../../functions/notify/templates/render.ts';
import { languageFor, LANGUAGES, STRINGS } from '../../functions/notify/templates/strings.ts';
import { parseMime } from './mime-reader.ts';

const hostileSubject = 'Broken <img src=x onerror=alert(1)> & "quotes"\r\nBcc: victim@example.com';
const ticketNotice: Notice = {
  template: 'expertReply', actorName: 'Ana <b>García</b>',
  ticket: { id: 't-1', reference: 'HD-1001', subject: hostileSubject, category: 'performance', priority: 'high', requesterName: 'María' },
};
const booking: Booking = {
  id: 'b-1', status: 'booked', expertId: 'u-ana', expertName: 'Ana García', expertEmail: 'ana@support.example', orgId: 'aurora-ai',
  requesterId: 'u-maria', requesterName: 'María Ortega', requesterEmail: 'maria@aurora-ai.example', topic: 'Checkpointing',
  meetingLink: 'https://meet.example/ana?room=1&x="y"', sequence: 0, version: 2, createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z',
  start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z', minutes: 60,
};
const options = { publicUrl: 'https://support.example/', mandatory: false };

describe('templates', () => {
  it('escape every user value in HTML and link back to the ticket', () => {
    const rendered = render(ticketNotice, { name: 'María <Ortega>', lang: 'en' }, options);
    expect(rendered.html).not.toMatch(/<img|<b>|<Ortega>/);
    expect(rendered.html).toContain('Broken &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(rendered.html).toContain('Hello María &lt;Ortega&gt;,');
    expect(rendered.html).toContain('<a href="https://support.example/app/tickets/t-1"');
    expect(rendered.text).toContain('Open the ticket: https://support.example/app/tickets/t-1');
    expect(rendered.text).toContain('https://support.example/app/notifications/');
  });

  it('write every template in every language we offer, with no placeholder left unfilled', () => {
    const notices: Notice[] = [
      ticketNotice,
      { ...ticketNotice, template: 'requesterReply' },
      { ...ticketNotice, template: 'resolved' },
      { template: 'newTicket', ticket: ticketNotice.ticket },
      { template: 'slaWarning', ticket: ticketNotice.ticket, target: 'firstResponse', due: '2026-12-01T10:00:00Z' },
      { template: 'slaBreach', ticket: ticketNotice.ticket, target: 'resolution', due: '2026-12-01T10:00:00Z' },
      ...(['confirmed', 'rescheduled', 'cancelled'] as const).flatMap((change) => (['requester', 'expert'] as const).map((side): Notice => ({
        template: 'booking', change, side, booking: { ...booking, rescheduledFrom: '2026-12-06T09:00:00.000Z', cancelReason: 'Clash' },
      }))),
      { template: 'reminder', lead: '24h', side: 'requester', booking },
      { template: 'reminder', lead: '1h', side: 'expert', booking },
      { ...ticketNotice, template: 'expertReply', files: [{ id: 'a-1', filename: 'slurm-4242.out', size: 2048, text: true }] } as Notice,
    ];
    for (const lang of LANGUAGES) {
      const subjects = new Set<string>();
      for (const notice of notices) {
        const rendered = render(notice, { name: 'Sam', lang }, options);
        expect(`${rendered.subject}${rendered.text}${rendered.html}`).not.toMatch(/\{\w+\}/);
        subjects.add(rendered.subject);
      }
      expect(subjects.size).toBeGreaterThan(10);
    }
    // French typography, as the French strings write it ("Rejoindre l’appel : …"): the link line too.
    for (const notice of notices) expect(render(notice, { name: 'Sam', lang: 'fr' }, options).text).not.toMatch(/\S: https?:/);
    expect(render(notices[6]!, { name: 'Sam', lang: 'de' }, options).text).toContain('Montag, 7. Dezember 2026 um 09:00 UTC');
    expect(render(notices[6]!, { name: 'Sam', lang: 'en' }, options).text).toContain('Monday, 7 December 2026 at 09:00 UTC');
  });

  it('falls back to the base language, then English', () => {
    expect(languageFor('es-ES')).toBe('es');
    expect(languageFor('fr_CA')).toBe('fr');
    expect(languageFor('fi')).toBe('en');
    expect(languageFor(undefined)).toBe('en');
    expect(Object.keys(STRINGS).sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
  });

  it('attach the invitation to booking changes only, with the meeting link escaped', () => {
    const confirmed = render({ template: 'booking', change: 'confirmed', side: 'requester', booking }, { name: 'María', lang: 'es' }, options);
    expect(confirmed.attachments.map((a) => a.contentType)).toEqual(['text/calendar; method=REQUEST']);
    expect(confirmed.attachments[0]!.content).toContain('BEGIN:VCALENDAR');
    expect(confirmed.html).toContain('<a href="https://meet.example/ana?room=1&amp;x=&quot;y&quot;">');
    const cancelled = render({ template: 'booking', change: 'cancelled', side: 'expert', booking: { ...booking, status: 'cancelled', sequence: 1 } }, { name: 'Ana' }, { ...options, mandatory: true });
    expect(cancelled.attachments[0]!.contentType).toBe('text/calendar; method=CANCEL');
    expect(cancelled.text).toContain(STRINGS.en.footerMandatory);
    expect(render({ template: 'reminder', lead: '1h', side: 'expert', booking }, { name: 'Ana' }, options).attachments).toEqual([]);
  });
});

describe('the MIME message', () => {
  const mail = (subject: string): OutgoingMail => ({
    from: { address: 'support@centre.example', name: 'HPC AI Support Centre' },
    to: { address: 'lea@basalt-labs.example', name: 'Léa "Martin"' },
    subject, text: 'Bonjour\nligne 2', html: '<p>Bonjour</p>', attachments: [], messageId: 'm1@centre', date: new Date('2026-11-30T08:00:00Z'),
  });

  it('keeps user text from adding headers', () => {
    const raw = toMime(mail(hostileSubject));
    expect(raw).not.toMatch(/\r\nBcc:/i);
    expect(parseMime(raw).headers.subject).toBe('Broken <img src=x onerror=alert(1)> & "quotes" Bcc: victim@example.com');
  });

  it('encodes long non-ASCII subjects and names without splitting a character', () => {
    const subject = 'Séance de mentorat déplacée au lundi 7 décembre 2026 à 09:00 UTC — “Checkpointing” 🚀 ✓';
    const raw = toMime(mail(subject));
    const parsed = parseMime(raw);
    expect(parsed.headers.subject).toBe(subject);
    expect(raw).toContain('To: =?UTF-8?B?TMOpYSAiTWFydGluIg==?= <lea@basalt-labs.example>');
    expect(parsed.headers.to).toBe('Léa "Martin" <lea@basalt-labs.example>');
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(parsed.text).toBe('Bonjour\nligne 2');
    expect(parsed.headers['auto-submitted']).toBe('auto-generated');
    expect(parsed.headers.date).toBe('Mon, 30 Nov 2026 08:00:00 +0000');
  });
});
