import PostalMime from 'postal-mime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toMime, type OutgoingMail } from '../../functions/notify/mime.ts';
import { AS } from '../support/stack.ts';
import { answersIn, expectNothingWritten, startMailStack, SUPPORT, type MailStack } from './support.ts';

/** Over a real socket into the local SMTP server (port 0), as `npm start` runs it on SMTP_PORT. */
describe('the e-mail channel through the local SMTP server', () => {
  let stack: MailStack;
  let ticket: { id: string; reference: string };
  let creationMails: OutgoingMail[];

  beforeAll(async () => {
    stack = await startMailStack();
    ticket = await stack.newTicket(AS.maria, { subject: 'NCCL timeout on LUMI-G' });
    creationMails = await stack.sent();
  });
  // Each case starts with nothing owed: the mails of the one before are taken.
  beforeEach(async () => {
    await stack.sent();
  });
  afterAll(() => stack?.close());

  async function messagesOf(ticketId: string, as: string = AS.maria) {
    const response = await stack.call('GET', `/api/tickets/${ticketId}`, { as });
    expect(response.status).toBe(200);
    return (await stack.json(response)).messages as Array<{ id: string; authorId: string; authorName: string; body: string; internal: boolean; attachmentIds?: string[] }>;
  }

  it('turns a reply to a notification into the recipient\'s message on the ticket, with its attachment, within 2 s', async () => {
    await stack.reply(AS.ana, ticket.id, 'Please set `NCCL_DEBUG=INFO` and send the log.');
    const notification = (await stack.sent()).find((m) => m.to.address === AS.maria)!;
    // The mail as a client reads it: parsed back with a MIME parser, Reply-To signed for María and this ticket.
    const parsed = await PostalMime.parse(toMime(notification));
    const replyTo = parsed.replyTo?.[0]?.address;
    expect(replyTo).toMatch(/^support\+[a-z2-7]{40}@hpc-ai-support-centre\.local$/);
    expect(replyTo!.split('@')[0]!.length).toBeLessThanOrEqual(64);

    const started = Date.now();
    await stack.send({
      from: `María Ortega <${AS.maria}>`, to: replyTo, subject: `Re: ${notification.subject}`,
      messageId: '<reply-1@aurora-ai.example>', inReplyTo: `<${notification.messageId}>`,
      text: `Here it is, the hang starts at rank 12.\n\nOn Mon, 30 Nov 2026 at 09:00, HPC AI Support Centre wrote:\n> Please set NCCL_DEBUG=INFO and send the log.\n`,
      attachments: [{ filename: 'nccl.log', content: 'NCCL INFO Bootstrap : Using hsn0\nNCCL WARN timeout\n', contentType: 'text/plain' }],
    });
    let message;
    while (!message && Date.now() - started < 2000) {
      message = (await messagesOf(ticket.id)).find((m) => m.body.includes('rank 12'));
      if (!message) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(message).toMatchObject({ authorId: 'u-maria', authorName: 'María Ortega', internal: false, body: 'Here it is, the hang starts at rank 12.' });
    expect(message!.attachmentIds).toHaveLength(1);
    const files = await stack.json(await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.maria }));
    expect(files.items).toEqual([expect.objectContaining({ id: message!.attachmentIds![0], filename: 'nccl.log', status: 'complete', kind: 'text', uploaderId: 'u-maria' })]);
  });

  it('gives staff a second address for an internal note, which requesters never see', async () => {
    // The creation told staff (the assignee, or the coordinators when nobody was assigned).
    const toStaff = creationMails.find((m) => m.to.address !== AS.maria && m.text.includes('internal note'));
    expect(toStaff, 'a staff mail names the internal-note address').toBeDefined();
    const noteTo = /write to (support\+[a-z2-7]{40}@hpc-ai-support-centre\.local)/.exec(toStaff!.text)![1]!;
    expect(noteTo).not.toBe(toStaff!.replyTo!.address);
    const staff = toStaff!.to.address;
    await stack.send({ from: staff, to: noteTo, subject: 'Re: note', messageId: '<note-1@support.example>', text: 'Rank 12 is on a node with a bad HSN link.' });
    const note = (await messagesOf(ticket.id, AS.coord)).find((m) => m.body.startsWith('Rank 12 is on'));
    expect(note).toMatchObject({ internal: true });
    expect((await messagesOf(ticket.id)).some((m) => m.body.startsWith('Rank 12 is on'))).toBe(false);
  });

  it('opens a ticket for a known requester who writes to the support address, routed and acknowledged', async () => {
    await stack.send({
      from: AS.jonas, to: SUPPORT, subject: 'Cannot log in to Leonardo', messageId: '<new-1@aurora-ai.example>',
      html: '<p>Since <b>Monday</b> my key is refused &amp; I get <code>Permission denied</code>.</p><script>alert(1)</script><p>What the admins wrote:</p><blockquote>Keys are checked daily.</blockquote>',
      attachments: [{ filename: 'ssh.txt', content: 'debug1: Authentications that can continue: publickey\n' }],
    });
    const list = await stack.json(await stack.call('GET', '/api/tickets?q=Leonardo', { as: AS.jonas }));
    const byMail = list.items.filter((t: { subject: string }) => t.subject === 'Cannot log in to Leonardo');
    expect(byMail).toHaveLength(1);
    const created = await stack.json(await stack.call('GET', `/api/tickets/${byMail[0].id}?include=events`, { as: AS.coord }));
    // Category and system guessed from the mail's words, as the web form would have asked them.
    expect(created).toMatchObject({ subject: 'Cannot log in to Leonardo', requesterId: 'u-jonas', orgId: 'aurora-ai', category: 'accounts-and-login', system: 'Leonardo', status: 'new' });
    // The HTML-only mail as safe text: markup and the script gone, the entity decoded once; a new ticket keeps
    // what it quotes (only a reply loses its quoted history).
    expect(created.body).toBe('Since Monday my key is refused & I get Permission denied.\n\nWhat the admins wrote:\n\n> Keys are checked daily.');
    // Routed like any ticket: routing's decision is in its history (an expert, or nobody with the reason why).
    expect(created.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['created']));
    const files = await stack.json(await stack.call('GET', `/api/tickets/${created.id}/attachments`, { as: AS.jonas }));
    expect(files.items.map((f: { filename: string }) => f.filename)).toEqual(['ssh.txt']);
    const mails = await stack.sent();
    expect(mails.some((m) => m.to.address === AS.jonas && m.subject.includes(created.reference))).toBe(true);
  });

  it('routes a new ticket by mail to the expert the web form would, and names them in the acknowledgement', async () => {
    const subject = 'NCCL se cuelga en LUMI';
    const text = 'Hola, nuestro entrenamiento multi-nodo con torchrun se queda colgado en el rank 12 tras 10 minutos.\n\n--\nMaría';
    await stack.send({ from: `María Ortega <${AS.maria}>`, to: SUPPORT, subject, messageId: '<new-nccl@aurora-ai.example>', text });
    const list = await stack.json(await stack.call('GET', '/api/tickets?q=NCCL', { as: AS.maria }));
    const byMail = await stack.json(await stack.call('GET', `/api/tickets/${list.items.find((t: { subject: string }) => t.subject === subject).id}`, { as: AS.maria }));
    expect(byMail).toMatchObject({ category: 'ai-training-and-inference', topic: 'distributed-training', system: 'LUMI', assigneeId: 'u-ana', assigneeName: 'Ana García' });
    const acknowledgement = (await stack.sent()).find((m) => m.to.address === AS.maria && m.subject.includes(byMail.reference));
    expect(acknowledgement?.text).toContain('Ana García');
    // The web form, for the same category and system, sends it to the same person.
    const byForm = await stack.newTicket(AS.maria, { subject, body: text, category: 'ai-training-and-inference', system: 'LUMI' });
    expect(byForm.assigneeId).toBe(byMail.assigneeId);
  });

  it('leaves a mail that says nothing clear as `other`, for the coordinators', async () => {
    await stack.send({ from: AS.jonas, to: SUPPORT, subject: 'A question', messageId: '<new-vague@aurora-ai.example>', text: 'Could someone call me back tomorrow?' });
    const list = await stack.json(await stack.call('GET', '/api/tickets?q=question', { as: AS.jonas }));
    const vague = list.items.find((t: { subject: string }) => t.subject === 'A question');
    expect(vague).toMatchObject({ category: 'other' });
    expect(vague.system).toBeUndefined();
  });

  it('writes nothing and answers nobody for a sender it does not know', async () => {
    const before = await stack.items();
    await stack.send({ from: 'spam@elsewhere.example', to: SUPPORT, subject: 'Cheap GPUs', messageId: '<spam-1@elsewhere.example>', text: 'Buy now' });
    expect(await stack.items()).toEqual(before);
    expect(await stack.sent()).toEqual([]);
  });

  it('makes one message of a mail delivered twice', async () => {
    const to = stack.address(ticket.reference, AS.maria);
    const mail = { from: AS.maria, to, subject: 'Re: twice', messageId: '<twice@aurora-ai.example>', text: 'Sent once, delivered twice.' };
    await stack.send(mail);
    await stack.send(mail);
    expect((await messagesOf(ticket.id)).filter((m) => m.body === 'Sent once, delivered twice.')).toHaveLength(1);
  });

  it('keeps a reply over the message limit whole, as pasted-log.txt, instead of cutting it', async () => {
    const to = stack.address(ticket.reference, AS.maria);
    // 25,000 characters, an emoji at the old cut (a surrogate pair split at 20,000 was text the API refuses).
    const log = `${'x'.repeat(19_999)}🚀${'NCCL WARN tail line\n'.repeat(250)}`;
    await stack.send({ from: AS.maria, to, subject: 'Re: long log', messageId: '<long-1@aurora-ai.example>', text: log });
    const message = (await messagesOf(ticket.id)).find((m) => m.body.includes('pasted-log.txt'))!;
    expect(message.body).toBe('(see the attached pasted-log.txt)');
    const files = await stack.json(await stack.call('GET', `/api/tickets/${ticket.id}/attachments`, { as: AS.maria }));
    const pasted = files.items.find((f: { id: string }) => message.attachmentIds?.includes(f.id));
    expect(pasted).toMatchObject({ filename: 'pasted-log.txt', size: new TextEncoder().encode(log.trim()).length });
  });

  it('never turns an out-of-office reply into a message, nor answers it', async () => {
    const before = await stack.items();
    const to = stack.address(ticket.reference, AS.maria);
    await stack.send({ from: AS.maria, to, subject: 'Automatic reply: [HD] update', messageId: '<ooo@aurora-ai.example>', text: 'I am away until Monday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await stack.send({ from: AS.maria, to, subject: 'Out of office', messageId: '<ooo-2@aurora-ai.example>', text: 'I am away until Monday.' });
    await stack.send({ from: AS.maria, to, subject: 'Re: update', messageId: '<ooo-3@aurora-ai.example>', text: 'I am away.', headers: { 'X-Autoreply': 'yes' } });
    expect(await stack.items()).toEqual(before);
    expect(await stack.sent()).toEqual([]);
  });

  it('never turns a bounce into a message, nor answers it', async () => {
    const before = await stack.items();
    const raw = [
      'From: Mail Delivery System <MAILER-DAEMON@aurora-ai.example>', `To: ${SUPPORT}`, 'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@aurora-ai.example>', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'This is the mail system. Your message could not be delivered.', '',
      '--b', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.aurora-ai.example', '', 'Final-Recipient: rfc822; nobody@aurora-ai.example', 'Action: failed', 'Status: 5.1.1', '',
      '--b--', '',
    ].join('\r\n');
    await stack.sendRaw(raw, { from: '', to: [stack.address(ticket.reference, AS.maria)] });
    expect(await stack.items()).toEqual(before);
    expect(await stack.sent()).toEqual([]);
  });

  it('answers a forged sender once a day and writes nothing of it', async () => {
    // Jonas writes to María's reply address: the From is not the token's user.
    const before = await stack.items();
    const to = stack.address(ticket.reference, AS.maria);
    await stack.send({ from: AS.jonas, to, subject: 'Re: forged', messageId: '<forged-1@aurora-ai.example>', text: 'Written as someone else.' });
    await stack.send({ from: AS.jonas, to, subject: 'Re: forged again', messageId: '<forged-2@aurora-ai.example>', text: 'Again.' });
    expectNothingWritten(before, await stack.items());
    const answers = answersIn(await stack.sent());
    expect(answers.map((m) => m.to.address)).toEqual([AS.jonas]);
    // Jonas reads German (his own choice).
    expect(answers[0]!.text).toContain('keine gültige Antwortadresse für Sie');
    expect(answers[0]!.text).not.toMatch(/token|u-maria|support\+/);
    // From the notifier's sender, with a Message-ID on its domain as every notification has.
    expect(answers[0]!.from.address).toBe(creationMails[0]!.from.address);
    expect(creationMails[0]!.messageId.split('@')[1]).toBe(answers[0]!.messageId.split('@')[1]);
  });
});
