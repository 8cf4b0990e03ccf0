import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AS, addressed, startNotifyStack, type NotifyStack } from './support.ts';

describe('ticket e-mails', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('tells experts who follow the category about a new ticket, and no one else', async () => {
    await stack.follow(AS.ana, ['performance']);
    await stack.follow(AS.mikko, ['data-and-storage']);
    const ticket = await stack.newTicket(AS.maria);
    const mails = await stack.sent();
    // The follower, the requester's acknowledgement and the coordinator (nobody handles Performance): no one else.
    expect(addressed(mails)).toEqual([AS.ana, AS.coord, AS.maria]);
    const toAna = mails.find((mail) => mail.to.address === AS.ana)!;
    expect(toAna.subject).toBe(`[${ticket.reference}] New ticket in Performance: NCCL timeout on LUMI-G`);
    expect(toAna.text).toContain(`http://127.0.0.1:${stack.server.port}/app/tickets/${ticket.id}`);
  });

  it('tells the requester (in Spanish) about a public reply, never about an internal note', async () => {
    const ticket = await stack.newTicket(AS.maria);
    await stack.sent();
    await stack.reply(AS.ana, ticket.id, 'Internal: looks like the RCCL plugin again.', true);
    expect(await stack.sent()).toEqual([]);

    await stack.reply(AS.ana, ticket.id, 'Please set NCCL_SOCKET_IFNAME=hsn0.');
    const mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.maria]);
    expect(mails[0]!.subject).toBe(`[${ticket.reference}] Ana García ha respondido: NCCL timeout on LUMI-G`);
    expect(mails[0]!.text).toMatch(/^Hola, María Ortega:/);
    // The e-mail carries the public reply, never the internal note written before it.
    expect(mails[0]!.text).toContain('Please set NCCL_SOCKET_IFNAME=hsn0.');
    expect(mails[0]!.text + mails[0]!.html).not.toContain('RCCL plugin');
  });

  it('tells the assignee when the requester replies, and the requester when the ticket is resolved', async () => {
    const ticket = await stack.newTicket(AS.jonas);
    await stack.patch(AS.ana, ticket.id, { assigneeId: 'u-ana' });
    // The creation's acknowledgement and the coordinator's notice; Ana took it herself, so no mail to her.
    expect(addressed(await stack.sent())).toEqual([AS.coord, AS.jonas]);

    await stack.reply(AS.jonas, ticket.id, 'It still hangs with 4 nodes.');
    let mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.ana]);
    expect(mails[0]!.subject).toBe(`[${ticket.reference}] Jonas Weber replied: NCCL timeout on LUMI-G`);

    // A colleague from the same organisation replying counts as the requester's side too.
    await stack.reply(AS.maria, ticket.id, 'Same for my runs.');
    expect(addressed(await stack.sent())).toEqual([AS.ana]);

    await stack.patch(AS.ana, ticket.id, { status: 'resolved' });
    mails = await stack.sent();
    expect(addressed(mails)).toEqual([AS.jonas]);
    expect(mails[0]!.subject).toBe(`[${ticket.reference}] Gelöst: NCCL timeout on LUMI-G`);
  });

  it('sends nothing about one organisation to a user of another', async () => {
    await stack.follow(AS.ana, ['performance']);
    const aurora = await stack.newTicket(AS.maria);
    const basalt = await stack.newTicket(AS.lea, { subject: 'Quota on Leonardo scratch' });
    await stack.reply(AS.mikko, aurora.id, 'Public answer for Aurora.');
    await stack.reply(AS.mikko, basalt.id, 'Public answer for Basalt.');
    await stack.patch(AS.mikko, aurora.id, { status: 'resolved' });
    const mails = await stack.sent();
    for (const mail of mails) {
      const aboutAurora = mail.subject.includes(aurora.reference);
      if (mail.to.address.endsWith('@aurora-ai.example')) expect(aboutAurora).toBe(true);
      if (mail.to.address.endsWith('@basalt-labs.example')) expect(mail.subject).toContain(basalt.reference);
    }
    // Ana follows Performance (both tickets), the coordinator hears of both unassigned tickets, each requester
    // gets their acknowledgement, María the reply and the resolution, Lea the reply.
    expect(addressed(mails)).toEqual([AS.ana, AS.ana, AS.coord, AS.coord, AS.lea, AS.lea, AS.maria, AS.maria, AS.maria]);
  });
});
