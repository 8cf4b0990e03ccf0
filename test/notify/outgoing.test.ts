import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organisationItem } from '../../functions/core/organisations.ts';
import { deliveryId } from '../../functions/notify/deliver.ts';
import { LOCAL_UNSUBSCRIBE_SECRET } from '../../functions/local/config.ts';
import { toMime, type OutgoingMail } from '../../functions/notify/mime.ts';
import { unsubscribeUrl } from '../../functions/notify/unsubscribe.ts';
import { AS, addressed, startNotifyStack, type NotifyStack } from './support.ts';

/** Every mail as a mail client reads it: our MIME text through mailparser. */
const parse = (mail: OutgoingMail): Promise<ParsedMail> => simpleParser(toMime(mail));
/** A header's value as written (mailparser folds List-* headers into a structure of its own). */
const header = (parsed: ParsedMail, name: string) => parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
const DOMAIN = 'hpc-ai-support-centre.local';

const when = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));

describe('outgoing mail, as mail clients read it', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('a reply carries its text as HTML and plain text, the three public messages before it newest first, and never an internal note', async () => {
    const secret = 'INTERNAL-rccl-plugin-suspect';
    const everything: OutgoingMail[] = [];
    const sent = async () => {
      const mails = await stack.sent();
      everything.push(...mails);
      return mails;
    };
    const ticket = await stack.newTicket(AS.maria, { body: 'Job 4242 hangs at NCCL init.' });
    await stack.patch(AS.ana, ticket.id, { assigneeId: 'u-ana' });
    await stack.reply(AS.ana, ticket.id, 'First public answer: which ROCm module?');
    await stack.reply(AS.ana, ticket.id, `${secret}: ask Mikko`, true);
    await stack.reply(AS.maria, ticket.id, 'rocm/6.0.3, still hangs.');
    await sent();
    stack.clock.advance(60_000);
    await stack.reply(AS.ana, ticket.id, 'Please set **NCCL_SOCKET_IFNAME=hsn0** and see https://docs.lumi-supercomputer.eu/x?a=1&b=2.\n\n<script>alert(1)</script>');
    const [toMaria] = await sent();
    expect(addressed([toMaria!])).toEqual([AS.maria]);
    const mail = await parse(toMaria!);

    expect(mail.text).toContain('Please set **NCCL_SOCKET_IFNAME=hsn0**');
    expect(mail.html).toContain('Please set <strong>NCCL_SOCKET_IFNAME=hsn0</strong>');
    expect(mail.html).toContain('<a href="https://docs.lumi-supercomputer.eu/x?a=1&amp;b=2">');
    // Typed markup stays text.
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Quoted newest first: María's reply, Ana's first answer, the ticket's description.
    const quoted = ['rocm/6.0.3, still hangs.', 'First public answer: which ROCm module?', 'Job 4242 hangs at NCCL init.'];
    const positions = quoted.map((text) => mail.text!.indexOf(`> ${text}`));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(mail.text).toContain('> María Ortega escribió el');
    expect(mail.html).toContain('rocm/6.0.3, still hangs.');

    // A fourth public message pushes the description out: three are quoted, never more.
    await stack.reply(AS.ana, ticket.id, 'One more thing.');
    const later = await parse((await sent())[0]!);
    expect(later.text).toContain('> Please set **NCCL_SOCKET_IFNAME=hsn0**');
    expect(later.text).not.toContain('Job 4242 hangs at NCCL init.');

    // No mail of this conversation, to anyone, says what the internal note said: not in any part, not in the raw text.
    expect(everything.length).toBeGreaterThanOrEqual(4);
    for (const one of everything) {
      const raw = toMime(one);
      const parsed = await parse(one);
      expect(`${raw}${parsed.text}${parsed.html}${parsed.subject}`).not.toContain(secret);
      expect(`${parsed.text}${parsed.html}`).not.toContain('ask Mikko');
    }
  });

  it('writes to each recipient in their language and time zone, the zone named; the acknowledgement too', async () => {
    await stack.settings(AS.maria, { language: 'es', timeZone: 'America/Argentina/Buenos_Aires' });
    await stack.settings(AS.jonas, { language: 'it', timeZone: 'Asia/Tokyo' });
    const ticket = await stack.newTicket(AS.maria);
    const byMaria = await parse((await stack.sent()).find((m) => m.to.address === AS.maria)!);
    const detail = await stack.json(await stack.call('GET', `/api/tickets/${ticket.id}`, { as: AS.maria }));
    const due = detail.sla.firstResponseDue as string;
    expect(byMaria.subject).toBe(`[${ticket.reference}] Hemos recibido tu ticket: NCCL timeout on LUMI-G`);
    expect(byMaria.text).toContain(`${when(due, 'es-ES', 'America/Argentina/Buenos_Aires')} (America/Argentina/Buenos_Aires)`);

    const other = await stack.newTicket(AS.jonas, { subject: 'Quota on LUMI scratch' });
    const byJonas = await parse((await stack.sent()).find((m) => m.to.address === AS.jonas)!);
    const jonasDue = (await stack.json(await stack.call('GET', `/api/tickets/${other.id}`, { as: AS.jonas }))).sla.firstResponseDue as string;
    expect(byJonas.subject).toBe(`[${other.reference}] Abbiamo ricevuto il tuo ticket: Quota on LUMI scratch`);
    expect(byJonas.text).toMatch(/^Buongiorno Jonas Weber,/);
    expect(byJonas.text).toContain(`${when(jonasDue, 'it-IT', 'Asia/Tokyo')} (Asia/Tokyo)`);
    expect(byJonas.html).toContain('<html lang="it">');
  });

  it('uses the organisation\'s language for people who chose none, else English', async () => {
    await stack.server.db.send(new PutCommand({ TableName: stack.server.tableName, Item: organisationItem({ id: 'basalt-labs', name: 'Basalt Labs', lang: 'it' }) }));
    await stack.settings(AS.lea, { language: null });
    expect(await stack.json(await stack.call('GET', '/api/me/preferences', { as: AS.lea }))).toEqual({ language: 'it', languageSource: 'organisation', timeZone: null });
    const ticket = await stack.newTicket(AS.lea);
    const toLea = (await stack.sent()).find((m) => m.to.address === AS.lea)!;
    expect(toLea.subject).toBe(`[${ticket.reference}] Abbiamo ricevuto il tuo ticket: NCCL timeout on LUMI-G`);
    // Staff have no organisation: English.
    expect((await stack.json(await stack.call('GET', '/api/me', { as: AS.ana }))).language).toBe('en');
  });

  it('threads every mail of a ticket under one root: Message-ID per event and recipient, In-Reply-To and References, [HD-n] in the subject', async () => {
    const ticket = await stack.newTicket(AS.maria);
    await stack.patch(AS.coord, ticket.id, { assigneeId: 'u-ana' });
    await stack.reply(AS.ana, ticket.id, 'A public answer.');
    await stack.patch(AS.ana, ticket.id, { status: 'resolved' });
    const mails = await stack.sent();
    expect(mails.length).toBeGreaterThanOrEqual(4);
    const root = `<ticket-${ticket.reference}@${DOMAIN}>`;
    const ids = new Set<string>();
    for (const one of mails) {
      const parsed = await parse(one);
      expect(parsed.subject).toContain(`[${ticket.reference}]`);
      expect(parsed.inReplyTo).toBe(root);
      expect(parsed.references).toBe(root);
      expect(parsed.messageId).toMatch(new RegExp(`^<[0-9a-f]{32}@${DOMAIN.replace(/\./g, '\\.')}>$`));
      ids.add(parsed.messageId!);
    }
    expect(ids.size).toBe(mails.length);
    // The id is the delivery's: the same event and recipient always give the same id (a retry is the same message).
    const reply = await parse(mails.find((m) => m.to.address === AS.maria && /respondido/.test(m.subject))!);
    const { Item } = await stack.server.db.send(new GetCommand({ TableName: stack.server.tableName, Key: { pk: `TICKET#${ticket.id}`, sk: 'TICKET' } }));
    const index = (Item!.events as Array<{ type: string }>).findIndex((e) => e.type === 'reply');
    expect(reply.messageId).toBe(`<${deliveryId(`T#${ticket.id}#${index}`, 'u-maria')}@${DOMAIN}>`);
  });

  it('offers one-click unsubscribe on optional kinds only; the link turns that kind off for that user, and nothing else', async () => {
    const ticket = await stack.newTicket(AS.maria);
    await stack.sent();
    await stack.reply(AS.ana, ticket.id, 'First answer.');
    const reply = await parse((await stack.sent())[0]!);
    expect(header(reply, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /<([^>]+)>/.exec(header(reply, 'list-unsubscribe'))?.[1];
    expect(link).toBeDefined();
    expect(reply.text).toContain(link!);
    const url = new URL(link!);
    const path = `${url.pathname}${url.search}`;
    const kinds = async (as: string) => (await stack.json(await stack.call('GET', '/api/me/notifications', { as }))).kinds;

    // A booking change cannot be turned off: no link.
    const slot = await stack.slot('u-ana');
    expect((await stack.call('POST', '/api/bookings', { as: AS.maria, body: { expertId: 'u-ana', start: slot.start, topic: 'FSDP' } })).status).toBe(201);
    for (const booked of await stack.sent()) {
      const parsed = await parse(booked);
      expect(header(parsed, 'list-unsubscribe')).toBe('');
      expect(header(parsed, 'list-unsubscribe-post')).toBe('');
    }

    // GET only asks (a link scanner must not unsubscribe anyone).
    const page = await stack.call('GET', path, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<form method="post"');
    expect((await kinds(AS.maria)).ticketReply).toBe(true);

    // Forged: another signature, or María's signature on Jonas's id, or a mandatory kind.
    const forged = new URL(link!);
    forged.searchParams.set('sig', `${forged.searchParams.get('sig')!.slice(0, -2)}AA`);
    const otherUser = new URL(link!);
    otherUser.searchParams.set('user', 'u-jonas');
    const mandatory = new URL(link!);
    mandatory.searchParams.set('kind', 'bookingChange');
    for (const bad of [forged, otherUser, mandatory]) {
      const response = await stack.call('POST', `${bad.pathname}${bad.search}`, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await kinds(AS.maria)).ticketReply).toBe(true);
    expect((await kinds(AS.jonas)).ticketReply).toBe(true);
    const malformed = await stack.call('POST', `${url.pathname}?user=u-maria&kind=nonsense&sig=x`);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'sig']);

    // The mail client's one-click POST (RFC 8058): no sign-in, that kind off for María only.
    const done = await stack.call('POST', path, { rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect(await kinds(AS.maria)).toMatchObject({ ticketReply: false, ticketResolved: true });
    expect((await kinds(AS.jonas)).ticketReply).toBe(true);
    await stack.reply(AS.ana, ticket.id, 'Second answer.');
    expect(await stack.sent()).toEqual([]);

    // A person in a browser: the confirmation page's form posts back and gets a page; a forged link gets a page too.
    const jonas = new URL(unsubscribeUrl(url.origin, LOCAL_UNSUBSCRIBE_SECRET, 'u-jonas', 'sessionReminder')!);
    const html = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
    const confirmed = await stack.call('POST', `${jonas.pathname}${jonas.search}`, { rawBody: 'List-Unsubscribe=One-Click', headers: html });
    expect([confirmed.status, confirmed.headers.get('content-type')]).toEqual([200, 'text/html; charset=UTF-8']);
    expect(await confirmed.text()).toContain('mentoring session reminders');
    expect(await kinds(AS.jonas)).toMatchObject({ sessionReminder: false, ticketReply: true });
    const refused = await stack.call('GET', `${forged.pathname}${forged.search}`, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This link does not work');
  });
});

describe('GET/PUT /api/me/preferences', () => {
  let stack: NotifyStack;
  beforeEach(async () => { stack = await startNotifyStack(); });
  afterEach(async () => { await stack.close(); });

  it('sets and clears a language and an IANA zone; bad input is a 400 naming the field and writes nothing', async () => {
    expect(await stack.json(await stack.call('GET', '/api/me/preferences', { as: AS.ana }))).toEqual({ language: 'en', languageSource: 'default', timeZone: null });
    const saved = await stack.call('PUT', '/api/me/preferences', { as: AS.ana, body: { language: 'fr', timeZone: 'Europe/Madrid' } });
    expect(await stack.json(saved)).toEqual({ language: 'fr', languageSource: 'own', timeZone: 'Europe/Madrid' });
    expect(await stack.json(await stack.call('GET', '/api/me', { as: AS.ana }))).toMatchObject({ language: 'fr', timeZone: 'Europe/Madrid' });

    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'], [{ timeZone: '+01:00' }, 'timeZone'], [{ timeZone: 'CET' }, 'timeZone'],
      [{ language: 'fi' }, 'language'], [{ language: 'it', colour: 'blue' }, '(body)'],
    ] as const) {
      const response = await stack.call('PUT', '/api/me/preferences', { as: AS.ana, body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const { errors } = await response.json() as { errors: Array<{ field: string; message: string }> };
      expect(errors.map((e) => e.field)).toContain(field);
      if (field === '(body)') expect(errors[0]!.message).toContain('colour');
    }
    expect(await stack.json(await stack.call('GET', '/api/me/preferences', { as: AS.ana }))).toEqual({ language: 'fr', languageSource: 'own', timeZone: 'Europe/Madrid' });

    // Only what is named changes; null goes back to the default.
    await stack.settings(AS.ana, { timeZone: null });
    expect(await stack.json(await stack.call('GET', '/api/me/preferences', { as: AS.ana }))).toEqual({ language: 'fr', languageSource: 'own', timeZone: null });
    expect((await stack.call('GET', '/api/me/preferences')).status).toBe(401);
  });
});
