import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toMime, type OutgoingMail } from '../../functions/notify/mime.ts';
import { parseMime } from './mime-reader.ts';
import { AS, addressed, startNotifyStack, type NotifyStack } from './support.ts';

// Monday 30 November 2026, 08:00 UTC (09:00 in Madrid and Brussels): Ana, Mikko and Giulia are on duty.
const training = { subject: 'DDP hangs on four LUMI-G nodes', category: 'ai-training-and-inference', system: 'LUMI', topic: 'distributed-training' };
const read = (mail: OutgoingMail) => parseMime(toMime(mail));
const to = (mails: OutgoingMail[], address: string) => read(mails.find((mail) => mail.to.address === address)!);

describe('routing e-mails: who is told, exactly', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('a routed ticket: the requester gets the acknowledgement (assignee, due time in a named zone), the assignee the assignment; nobody else', async () => {
    const ticket = await stack.newTicket(AS.maria, training);
    expect(ticket.assigneeId).toBe('u-ana');
    // Why is staff's wording: the requester's own answer has no reason, the assignee's mail gives it.
    expect(ticket.assignment).toBeUndefined();
    const { assignment } = await stack.json(await stack.call('GET', `/api/tickets/${ticket.id}`, { as: AS.coord }));
    await stack.flush();
    const mails = stack.take();
    expect(addressed(mails)).toEqual([AS.ana, AS.maria]);

    const ack = to(mails, AS.maria);
    expect(ack.headers.subject).toBe(`[${ticket.reference}] Hemos recibido tu ticket: ${training.subject}`);
    expect(ack.text).toContain('Ana García se ocupará de él');
    // A normal ticket: 18 business hours from Monday 09:00:01 Brussels (two 9-hour days) → Wednesday 09:00:01.
    expect(ticket.sla.firstResponseDue).toBe('2026-12-02T08:00:01.000Z');
    expect(ack.text).toContain('miércoles, 2 de diciembre de 2026, 9:00 (Europe/Brussels)');

    const assigned = to(mails, AS.ana);
    expect(assigned.headers.subject).toBe(`[${ticket.reference}] Assigned to you: ${training.subject}`);
    expect(assigned.text).toContain(`Why: ${assignment.reason}.`);
    expect(ack.text).not.toContain(assignment.reason);
    expect(assigned.html).toContain(`/app/tickets/${ticket.id}`);
  });

  it('an acknowledgement right after the coordinators changed the targets states the due time the ticket shows', async () => {
    await stack.newTicket(AS.maria, training);
    await stack.sent(); // the notifier has read the targets once
    const sla = await stack.json(await stack.call('GET', '/api/settings/sla', { as: AS.coord }));
    const changed = await stack.call('PUT', '/api/settings/sla', { as: AS.coord, body: { ...sla, normal: { ...sla.normal, firstResponse: { hours: 4, clock: 'business' } } } });
    expect(changed.status).toBe(200);
    const ticket = await stack.newTicket(AS.maria, training);
    // 4 business hours from Monday 09:00:01 Brussels.
    expect(ticket.sla.firstResponseDue).toBe('2026-11-30T12:00:01.000Z');
    const ack = to(await stack.sent(), AS.maria);
    expect(ack.text).toContain('lunes, 30 de noviembre de 2026, 13:00 (Europe/Brussels)');
  });

  it('an unassigned ticket: the requester (from "the team") and every coordinator, at once; nobody else', async () => {
    const ticket = await stack.newTicket(AS.jonas, { category: 'performance' });
    expect(ticket.assigneeId).toBeNull();
    await stack.flush();
    const mails = stack.take();
    expect(addressed(mails)).toEqual([AS.coord, AS.jonas]);
    expect(to(mails, AS.jonas).text).toContain('Das Team kümmert sich darum');
    const coordinator = to(mails, AS.coord);
    expect(coordinator.headers.subject).toBe(`[${ticket.reference}] Unassigned ticket in Performance: NCCL timeout on LUMI-G`);
    expect(coordinator.text).toContain('went to nobody: no expert handles Performance.');
  });

  it('a re-assignment by a coordinator: the new assignee and the previous one are told; nobody else', async () => {
    const ticket = await stack.newTicket(AS.maria, training);
    await stack.flush();
    stack.take();
    await stack.patch(AS.coord, ticket.id, { assigneeId: 'u-mikko' });
    await stack.flush();
    const mails = stack.take();
    expect(addressed(mails)).toEqual([AS.ana, AS.mikko]);
    expect(to(mails, AS.mikko).text).toContain('Why: assigned by Sam Coordinator.');
    const away = to(mails, AS.ana);
    expect(away.headers.subject).toBe(`[${ticket.reference}] No longer yours: ${training.subject}`);
    expect(away.text).toContain('Sam Coordinator assigned ticket');
    expect(away.text).toContain('to Mikko Virtanen.');
  });

  it('an expert who takes a ticket another expert holds: only the previous assignee is told', async () => {
    const ticket = await stack.newTicket(AS.maria, training);
    await stack.flush();
    stack.take();
    await stack.patch(AS.giulia, ticket.id, { assigneeId: 'u-giulia' });
    await stack.flush();
    const mails = stack.take();
    expect(addressed(mails)).toEqual([AS.ana]);
    // As a mail client reads it: taken from her, not "Giulia Rossi assigned ticket … to Giulia Rossi".
    const taken = await simpleParser(toMime(mails[0]!));
    expect(taken.subject).toBe(`[${ticket.reference}] Taken over by Giulia Rossi: ${training.subject}`);
    expect(taken.text).toContain(`Giulia Rossi took over ticket ${ticket.reference} “${training.subject}” from you.`);
    expect(taken.text).not.toContain('assigned ticket');
    expect(taken.html).toContain('Giulia Rossi took over ticket');
  });

  it('the taken-over mail in each language the previous assignee reads', async () => {
    const expected: Record<string, [subject: string, text: string]> = {
      en: ['Taken over by Giulia Rossi:', 'Giulia Rossi took over ticket'],
      fr: ['Repris par Giulia Rossi :', 'Giulia Rossi a repris le ticket'],
      de: ['Von Giulia Rossi übernommen:', 'Giulia Rossi hat das Ticket'],
      es: ['Giulia Rossi se ha hecho cargo:', 'Giulia Rossi se ha hecho cargo del ticket'],
      it: ['Preso in carico da Giulia Rossi:', 'Giulia Rossi ha preso in carico il ticket'],
    };
    for (const [language, [subject, text]] of Object.entries(expected)) {
      await stack.settings(AS.ana, { language });
      const ticket = await stack.newTicket(AS.maria, training);
      expect(ticket.assigneeId).toBe('u-ana');
      await stack.flush();
      stack.take();
      await stack.patch(AS.giulia, ticket.id, { assigneeId: 'u-giulia' });
      const [mail, ...others] = await stack.sent();
      expect(others).toEqual([]);
      const parsed = await simpleParser(toMime(mail!));
      expect(parsed.subject, language).toBe(`[${ticket.reference}] ${subject} ${training.subject}`);
      expect(parsed.text, language).toContain(`${text} ${ticket.reference}`);
    }
  });

  it('an expert who takes a ticket is not told about it, and an expert who turned assignments off is not told either', async () => {
    const unassigned = await stack.newTicket(AS.maria, { category: 'performance' });
    await stack.flush();
    stack.take();
    await stack.patch(AS.giulia, unassigned.id, { assigneeId: 'u-giulia' });
    await stack.flush();
    expect(stack.take()).toEqual([]);

    expect((await stack.call('PUT', '/api/me/notifications', { as: AS.mikko, body: { kinds: { ticketAssigned: false } } })).status).toBe(200);
    await stack.patch(AS.coord, unassigned.id, { assigneeId: 'u-mikko' });
    await stack.flush();
    expect(addressed(stack.take())).toEqual([AS.giulia]);
  });

  it('a ticket due while its assignee is away: coordinators are told by the sweep, once', async () => {
    const ticket = await stack.newTicket(AS.maria, training);
    await stack.flush();
    stack.take();
    const away = { absences: [{ from: '2026-11-30T12:00:00Z', until: '2026-12-04T17:00:00Z' }] };
    expect((await stack.call('PUT', '/api/routing/experts/u-ana/absences', { as: AS.coord, body: away })).status).toBe(200);
    await stack.sweep();
    const mails = stack.take().filter((mail) => mail.subject.includes(ticket.reference));
    expect(addressed(mails)).toEqual([AS.coord]);
    const told = read(mails[0]!);
    expect(told.headers.subject).toBe(`[${ticket.reference}] At risk: Ana García is away when it falls due`);
    // The coordinator chose no zone: the centre's, named.
    expect(told.text).toContain('while Ana García is away until Friday, 4 December 2026 at 18:00 (Europe/Brussels)');
    stack.clock.advance(5 * 60_000);
    await stack.sweep();
    expect(stack.take().filter((mail) => mail.subject.includes(ticket.reference))).toEqual([]);
  });
});
