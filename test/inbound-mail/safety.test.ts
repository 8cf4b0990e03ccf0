import { describe, expect, it } from 'vitest';
import { AS } from '../support/stack.ts';
import { SUPPORT, answersIn, expectNothingWritten, refusalStack } from './support.ts';

const DAY = 86_400_000;

/** Each safety rule of the channel: nothing of tickets, messages or attachments written, and who is answered. */
describe('the e-mail channel refuses', () => {
  const held = refusalStack({ maxMailBytes: 64 * 1024 });
  let n = 0;
  const id = () => `<safety-${++n}@aurora-ai.example>`;

  /** Runs `act`, checks that nothing but the channel's bookkeeping changed, and returns the answers sent. */
  async function refused(act: () => Promise<void>) {
    const before = await held.stack.items();
    await act();
    expectNothingWritten(before, await held.stack.items());
    return answersIn(await held.stack.sent());
  }

  it('an expired reply address, answering once', async () => {
    const to = held.stack.address(held.ticket.reference, AS.maria, 'reply', new Date(held.stack.clock.now().getTime() - 181 * DAY));
    const answers = await refused(() => held.stack.send({ from: AS.maria, to, subject: 'Re: old', messageId: id(), text: 'Late reply.' }));
    expect(answers.map((m) => m.to.address)).toEqual([AS.maria]);
  });

  it('a withdrawn reply address (the user withdrew their addresses after it was sent)', async () => {
    const to = held.stack.address(held.ticket.reference, AS.jonas);
    held.stack.clock.advance(1000);
    const withdrawn = await held.stack.call('POST', '/api/notifications/reply-addresses/withdraw', { as: AS.jonas, body: {} });
    expect(withdrawn.status).toBe(200);
    expect(await held.stack.json(withdrawn)).toEqual({ userId: 'u-jonas', withdrawnAt: held.stack.clock.now().toISOString() });
    const answers = await refused(() => held.stack.send({ from: AS.jonas, to, subject: 'Re: revoked', messageId: id(), text: 'Still works?' }));
    expect(answers.map((m) => m.to.address)).toEqual([AS.jonas]);
    // Addresses issued after the withdrawal work again.
    held.stack.clock.advance(1000);
    await held.stack.send({ from: AS.jonas, to: held.stack.address(held.ticket.reference, AS.jonas), subject: 'Re: new', messageId: id(), text: 'New address works.' });
    const messages = (await held.stack.json(await held.stack.call('GET', `/api/tickets/${held.ticket.id}`, { as: AS.jonas }))).messages;
    expect(messages.map((m: { body: string }) => m.body)).toContain('New address works.');
  });

  it('withdrawals by a coordinator for anyone, by others only for themselves', async () => {
    const withdraw = (as: string, body: unknown) => held.stack.call('POST', '/api/notifications/reply-addresses/withdraw', { as, body });
    const to = held.stack.address(held.ticket.reference, AS.maria);
    held.stack.clock.advance(1000);
    expect((await withdraw(AS.jonas, { userId: 'u-maria' })).status).toBe(403);
    expect((await withdraw(AS.coord, { userId: 'u-nobody' })).status).toBe(404);
    expect((await withdraw(AS.coord, { userId: 'not an id!' })).status).toBe(400);
    expect((await withdraw(AS.coord, { userId: 'u-maria' })).status).toBe(200);
    const answers = await refused(() => held.stack.send({ from: AS.maria, to, subject: 'Re: after withdrawal', messageId: id(), text: 'Too late.' }));
    expect(answers.map((m) => m.to.address)).toEqual([AS.maria]);
  });

  it('a reply address for another ticket (its number altered)', async () => {
    const genuine = held.stack.address(held.ticket.reference, AS.maria);
    const [local, domain] = genuine.split('@');
    // Changing any character of the token breaks its signature.
    const altered = `${local!.slice(0, -1)}${local!.endsWith('a') ? 'b' : 'a'}@${domain}`;
    const answers = await refused(() => held.stack.send({ from: AS.maria, to: altered, subject: 'Re: other', messageId: id(), text: 'Other held.ticket.' }));
    expect(answers).toHaveLength(1);
  });

  it('a reply address of another organisation\'s user, used by its owner on a ticket they cannot see', async () => {
    const to = held.stack.address(held.ticket.reference, AS.lea);
    const answers = await refused(() => held.stack.send({ from: AS.lea, to, subject: 'Re: not mine', messageId: id(), text: 'Peeking.' }));
    expect(answers.map((m) => m.to.address)).toEqual([AS.lea]);
  });

  it('the internal-note address used by a requester', async () => {
    const to = held.stack.address(held.ticket.reference, AS.maria, 'note');
    const answers = await refused(() => held.stack.send({ from: AS.maria, to, subject: 'Re: note', messageId: id(), text: 'A note?' }));
    // María reads Spanish (her own choice).
    expect(answers[0]!.text).toContain('esa dirección es para notas internas del equipo de soporte');
  });

  it('mail that SES did not authenticate (SPF and DKIM, or DMARC), without answering it', async () => {
    const raw = new TextEncoder().encode(`From: ${AS.maria}\r\nTo: ${SUPPORT}\r\nSubject: Spoofed\r\nMessage-ID: ${id()}\r\n\r\nHello\r\n`);
    const before = await held.stack.items();
    const outcome = await held.stack.server.inboundMail.receive({
      raw, size: raw.length, recipients: [SUPPORT], mailFrom: AS.maria, authentication: { spf: 'FAIL', dkim: 'PASS', dmarc: 'FAIL' },
    });
    expect(outcome).toEqual({ status: 'ignored', reason: 'unauthenticated' });
    expect(await held.stack.items()).toEqual(before);
    expect(await held.stack.sent()).toEqual([]);
    // DMARC alone vouches for the From; SPF and DKIM together do too.
    const vouched = await held.stack.server.inboundMail.receive({
      raw, size: raw.length, recipients: [SUPPORT], mailFrom: AS.maria, authentication: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'PASS' },
    });
    expect(vouched.status).toBe('ticket');
  });

  it('SPF and DKIM that pass for another domain than the From\'s (no DMARC): a forged From opens nothing', async () => {
    const raw = new TextEncoder().encode(`From: ${AS.maria}\r\nTo: ${SUPPORT}\r\nSubject: Forged\r\nMessage-ID: ${id()}\r\n\r\nHello\r\n`);
    const before = await held.stack.items();
    const outcome = await held.stack.server.inboundMail.receive({
      raw, size: raw.length, recipients: [SUPPORT], mailFrom: 'bounce@attacker.example', authentication: { spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' },
    });
    expect(outcome).toEqual({ status: 'ignored', reason: 'unauthenticated' });
    expect(await held.stack.items()).toEqual(before);
    expect(await held.stack.sent()).toEqual([]);
  });

  it('a mail naming several authors (two mailboxes in From, or two From lines), the first of them the token\'s user', async () => {
    const to = held.stack.address(held.ticket.reference, AS.maria);
    const before = await held.stack.items();
    for (const from of [`From: ${AS.maria}, ${AS.lea}`, `From: ${AS.maria}\r\nFrom: ${AS.lea}`]) {
      const raw = new TextEncoder().encode(`${from}\r\nTo: ${to}\r\nSubject: Re: both\r\nMessage-ID: ${id()}\r\n\r\nWritten by two.\r\n`);
      const outcome = await held.stack.server.inboundMail.receive({ raw, size: raw.length, recipients: [to], mailFrom: AS.lea, authentication: 'loopback' });
      expect(outcome).toEqual({ status: 'ignored', reason: 'no-sender' });
    }
    expect(await held.stack.items()).toEqual(before);
    expect(await held.stack.sent()).toEqual([]);
  });

  it('bulk and list mail, and mail from our own addresses, without answering', async () => {
    const to = held.stack.address(held.ticket.reference, AS.maria);
    const before = await held.stack.items();
    await held.stack.send({ from: AS.maria, to, subject: 'Newsletter', messageId: id(), text: 'News', headers: { Precedence: 'bulk' } });
    await held.stack.send({ from: AS.maria, to, subject: 'List copy', messageId: id(), text: 'News', headers: { 'List-Id': '<hpc.lists.example>' } });
    await held.stack.send({ from: SUPPORT, to: SUPPORT, subject: 'Loop', messageId: id(), text: 'Ourselves' });
    expect(await held.stack.items()).toEqual(before);
    expect(await held.stack.sent()).toEqual([]);
  });

  it('an oversized mail, answering why', async () => {
    const answers = await refused(() => held.stack.send({ from: AS.maria, to: held.stack.address(held.ticket.reference, AS.maria), subject: 'Big', messageId: id(), text: 'x'.repeat(100 * 1024) }));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain('ocupa más de 0.1 MB');
  });

  it('more than the hourly mails of one sender, answering once', async () => {
    const to = held.stack.address(held.ticket.reference, AS.maria);
    for (let i = 0; i < 30; i++) await held.stack.send({ from: AS.maria, to, subject: 'Re: many', messageId: id(), text: `Mail ${i}` });
    await held.stack.sent();
    const answers = await refused(async () => {
      await held.stack.send({ from: AS.maria, to, subject: 'Re: one too many', messageId: id(), text: 'Mail 31' });
      await held.stack.send({ from: AS.maria, to, subject: 'Re: two too many', messageId: id(), text: 'Mail 32' });
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toContain('muchos correos en la última hora');
  });

  it('files the attachments would refuse, keeping the message and saying which file and why', async () => {
    held.stack.clock.advance(3600_000);
    await held.stack.send({
      from: AS.maria, to: held.stack.address(held.ticket.reference, AS.maria), subject: 'Re: files', messageId: id(), text: 'Two files.',
      attachments: [{ filename: 'run.sh', content: '#!/bin/sh\nsrun python train.py\n' }, { filename: 'tool.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) }],
    });
    const detail = await held.stack.json(await held.stack.call('GET', `/api/tickets/${held.ticket.id}`, { as: AS.maria }));
    const message = detail.messages.find((m: { body: string }) => m.body === 'Two files.');
    expect(message.attachmentIds).toHaveLength(1);
    const notice = (await held.stack.sent()).find((m) => m.subject.includes('Algunos archivos no se han adjuntado'))!;
    expect(notice.text).toContain('- tool.exe: no se pueden adjuntar archivos de este tipo (se admiten: .out');
    expect(notice.text).not.toContain('run.sh');
  });
});
