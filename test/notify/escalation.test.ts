import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { AS, HOUR, addressed, startNotifyStack, type NotifyStack } from './support.ts';

describe('SLA escalation', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('warns at 75 % and escalates at the breach, once per ticket and target', async () => {
    const created = Date.parse(stack.clock.now().toISOString());
    const ticket = await stack.newTicket(AS.maria, { priority: 'urgent' });
    await stack.sent();
    // The seed's own old tickets escalate too; only this ticket's mails count here.
    const about = (mails: OutgoingMail[]) => mails.filter((mail) => mail.subject.startsWith(`[${ticket.reference}]`));
    const sweepAt = async (ms: number) => {
      stack.clock.set(new Date(created + ms));
      await stack.sweep();
      return about(stack.take());
    };

    // Urgent: first response within 4 h, resolution within 2 days.
    expect(await sweepAt(3 * HOUR - 60_000)).toEqual([]);
    const warning = await sweepAt(3 * HOUR);
    expect(addressed(warning)).toEqual([AS.coord]); // unassigned: the coordinators are warned
    expect(warning[0]!.subject).toBe(`[${ticket.reference}] 75 % of the first response time used`);
    expect(await sweepAt(3 * HOUR + 5 * 60_000)).toEqual([]);

    stack.clock.set(new Date(created + 3.5 * HOUR));
    await stack.patch(AS.ana, ticket.id, { assigneeId: 'u-ana' });
    expect(await sweepAt(4 * HOUR - 60_000)).toEqual([]);
    const breach = await sweepAt(4 * HOUR + 60_000);
    expect(addressed(breach)).toEqual([AS.coord]);
    expect(breach[0]!.subject).toBe(`[${ticket.reference}] Target missed: first response`);
    expect(await sweepAt(4 * HOUR + 10 * 60_000)).toEqual([]);

    stack.clock.set(new Date(created + 5 * HOUR));
    await stack.reply(AS.ana, ticket.id, 'Looking into it now.');
    await stack.sent();

    const resolutionWarning = await sweepAt(36 * HOUR);
    expect(addressed(resolutionWarning)).toEqual([AS.ana]); // assigned: the assignee is warned
    expect(resolutionWarning[0]!.subject).toBe(`[${ticket.reference}] 75 % of the resolution time used`);
    expect(await sweepAt(40 * HOUR)).toEqual([]);
    const resolutionBreach = await sweepAt(48 * HOUR + 60_000);
    expect(addressed(resolutionBreach)).toEqual([AS.coord]);
    for (const at of [49, 60, 200]) expect(await sweepAt(at * HOUR)).toEqual([]);
  });

  it('lets the clock stand still while the ticket waits on the requester', async () => {
    const created = Date.parse(stack.clock.now().toISOString());
    const ticket = await stack.newTicket(AS.lea, { priority: 'high' });
    await stack.patch(AS.mikko, ticket.id, { assigneeId: 'u-mikko' });
    await stack.reply(AS.mikko, ticket.id, 'Which module version do you load?');
    await stack.patch(AS.mikko, ticket.id, { status: 'waiting' });
    // High: resolution within 5 days. Waiting for 10 days escalates nothing.
    stack.clock.set(new Date(created + 10 * 24 * HOUR));
    await stack.sweep();
    expect(stack.take().filter((mail) => mail.subject.startsWith(`[${ticket.reference}]`))).toEqual([]);
  });
});
