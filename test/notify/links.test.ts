import { describe, expect, it } from 'vitest';
import type { Booking } from '../../functions/bookings/domain/model.ts';
import type { Role } from '../../functions/core/principal.ts';
import type { Notice, TicketRef } from '../../functions/notify/domain/notice.ts';
import { render } from '../../functions/notify/templates/render.ts';
import { LANGUAGES } from '../../functions/notify/templates/strings.ts';
import { unsubscribeUrl, UNSUBSCRIBE_PATH } from '../../functions/notify/unsubscribe.ts';
import type { Me } from '../../site/src/app/api/types.ts';
import { matchRoute, mayOpen } from '../../site/src/app/router.ts';
import { ROUTES } from '../../site/src/app/routes.ts';

const PUBLIC_URL = 'https://support.example';
const ticket: TicketRef = { id: 't-1', reference: 'HD-1001', subject: 'NCCL hangs', category: 'performance', priority: 'high', requesterName: 'María' };
const booking: Booking = {
  id: 'b-1', status: 'booked', expertId: 'u-ana', expertName: 'Ana García', expertEmail: 'ana@support.example', orgId: 'aurora-ai',
  requesterId: 'u-maria', requesterName: 'María Ortega', requesterEmail: 'maria@aurora-ai.example', topic: 'Checkpointing',
  meetingLink: 'https://meet.example/ana', sequence: 0, version: 2, createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z',
  start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z', minutes: 60, rescheduledFrom: '2026-12-06T09:00:00.000Z', cancelReason: 'Clash',
};
const files = [{ id: 'a-log', filename: 'slurm-4242.out', size: 2048, text: true }, { id: 'a-png', filename: 'screen.png', size: 4096, text: false }];
const quoted = { authorName: 'María', at: '2026-11-30T09:00:00.000Z', body: 'See [the guide](https://support.example/guides/nccl/).' };

/**
 * Every template, with the role of the people it goes to (audience.ts). Keyed by template, so a new template does
 * not typecheck until it is listed here, and its links are checked like the others.
 */
const EVERY_TEMPLATE: Record<Notice['template'], Array<[Notice, Role]>> = {
  expertReply: [[{ template: 'expertReply', ticket, actorName: 'Ana', files, message: quoted, earlier: [quoted] }, 'requester']],
  requesterReply: [[{ template: 'requesterReply', ticket, actorName: 'María', files, message: quoted }, 'expert']],
  resolved: [[{ template: 'resolved', ticket, actorName: 'Ana' }, 'requester']],
  newTicket: [[{ template: 'newTicket', ticket }, 'expert'], [{ template: 'newTicket', ticket }, 'coordinator']],
  acknowledgement: [[{ template: 'acknowledgement', ticket, assigneeName: null, due: '2026-12-01T10:00:00Z', timeZone: 'Europe/Brussels' }, 'requester']],
  assigned: [[{ template: 'assigned', ticket, reason: 'expertise' }, 'expert']],
  unassigned: [[{ template: 'unassigned', ticket, reason: 'nobody free' }, 'coordinator']],
  atRisk: [[{ template: 'atRisk', ticket, assigneeName: 'Ana', due: '2026-12-01T10:00:00Z', until: '2026-12-04T17:00:00Z' }, 'coordinator']],
  reassignedAway: [[{ template: 'reassignedAway', ticket, actorName: 'Sam', assigneeName: 'Mikko' }, 'expert']],
  takenAway: [[{ template: 'takenAway', ticket, actorName: 'Giulia', assigneeName: 'Giulia' }, 'expert']],
  slaWarning: [[{ template: 'slaWarning', ticket, target: 'firstResponse', due: '2026-12-01T10:00:00Z' }, 'expert']],
  slaBreach: [[{ template: 'slaBreach', ticket, target: 'resolution', due: '2026-12-01T10:00:00Z' }, 'coordinator']],
  booking: (['confirmed', 'rescheduled', 'cancelled'] as const).flatMap((change) => [
    [{ template: 'booking', change, side: 'requester', booking }, 'requester'] as [Notice, Role],
    [{ template: 'booking', change, side: 'expert', booking }, 'expert'] as [Notice, Role],
  ]),
  reminder: (['24h', '1h'] as const).flatMap((lead) => [
    [{ template: 'reminder', lead, side: 'requester', booking }, 'requester'] as [Notice, Role],
    [{ template: 'reminder', lead, side: 'expert', booking }, 'expert'] as [Notice, Role],
  ]),
};

/** Every address in a mail: its HTML's hrefs and the URLs of its plain text. */
function linksOf(rendered: { text: string; html: string }): string[] {
  const hrefs = [...rendered.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const bare = rendered.text.match(/https?:\/\/[^\s<>"]+/g) ?? [];
  return [...new Set([...hrefs, ...bare])];
}

describe('every link in every mail', () => {
  it('lands on a page of the web app that its recipient may open, or on the unsubscribe endpoint', () => {
    let checked = 0;
    for (const [template, cases] of Object.entries(EVERY_TEMPLATE)) {
      for (const [notice, role] of cases) {
        for (const lang of LANGUAGES) {
          const unsubscribe = unsubscribeUrl(PUBLIC_URL, 'k'.repeat(32), 'u-1', 'ticketReply')!;
          const rendered = render(notice, { name: 'Sam', lang, timeZone: 'Europe/Madrid' }, { publicUrl: PUBLIC_URL, mandatory: false, unsubscribeUrl: unsubscribe });
          const links = linksOf(rendered);
          expect(links.length, `${template} (${lang})`).toBeGreaterThan(0);
          for (const link of links) {
            const url = new URL(link);
            if (url.origin !== PUBLIC_URL) {
              expect(['https://meet.example', 'https://support.example']).toContain(url.origin);
              continue;
            }
            checked++;
            if (url.pathname === UNSUBSCRIBE_PATH) continue;
            if (url.pathname.startsWith('/guides/')) continue;
            const match = matchRoute(ROUTES, url.pathname);
            expect(match, `${template} → ${url.pathname}: no such page`).toBeDefined();
            expect(mayOpen(match!.route, { id: 'u-1', email: 'x@example', name: 'X', role } as Me), `${template} → ${url.pathname} for a ${role}`).toBe('ok');
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('sends each kind to the page about it: a ticket, a file in the log viewer, the sessions, the preferences', () => {
    const pageOf = (notice: Notice, role: Role) => linksOf(render(notice, { name: 'Sam', lang: 'en' }, { publicUrl: PUBLIC_URL, mandatory: false }))
      .filter((link) => link.startsWith(`${PUBLIC_URL}/app/`))
      .map((link) => matchRoute(ROUTES, new URL(link).pathname)!.route.page)
      .filter((page) => mayOpen(ROUTES.find((r) => r.page === page)!, { role } as Me) === 'ok');
    expect(pageOf(EVERY_TEMPLATE.expertReply[0]![0], 'requester').sort()).toEqual(['logViewer', 'notifications', 'ticket']);
    // "Your mentoring sessions" is the sessions page, for both sides (the mentoring page books, and only requesters may open it).
    for (const [notice, role] of [...EVERY_TEMPLATE.booking, ...EVERY_TEMPLATE.reminder]) expect(pageOf(notice, role)).toContain('sessions');
  });
});
