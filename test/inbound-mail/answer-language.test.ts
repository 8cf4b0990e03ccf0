import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { organisationItem } from '../../functions/core/organisations.ts';
import { toMime } from '../../functions/notify/mime.ts';
import { AS } from '../support/stack.ts';
import { answersIn, refusalStack } from './support.ts';

const DAY = 86_400_000;

/**
 * The channel's own answers in the language the notifier writes the sender in: their own, else their
 * organisation's, else English; read back as a mail client reads them (mailparser).
 */
describe('the e-mail channel answers in the sender\'s language', () => {
  const held = refusalStack({ maxMailBytes: 64 * 1024 });
  let n = 0;
  const id = () => `<language-${++n}@example.eu>`;

  const setOrganisationLanguage = (id: string, name: string, lang?: string) =>
    held.stack.server.db.send(new PutCommand({ TableName: held.stack.server.tableName, Item: organisationItem({ id, name, ...(lang ? { lang } : {}) }) }));

  /** An expired reply address from `from` (a refusal every sender can meet), and the one answer, parsed. */
  async function answerToExpired(from: string): Promise<ParsedMail> {
    const to = held.stack.address(held.ticket.reference, from, 'reply', new Date(held.stack.clock.now().getTime() - 181 * DAY));
    await held.stack.send({ from, to, subject: 'Re: Prüfung ✓', messageId: id(), text: 'Late reply.' });
    const answers = answersIn(await held.stack.sent());
    expect(answers.map((m) => m.to.address)).toEqual([from]);
    return simpleParser(toMime(answers[0]!));
  }

  const EXPIRED: Record<string, [subject: string, greeting: string, reason: string, signature: string]> = {
    en: ['Not delivered: Re: Prüfung ✓', 'Hello María Ortega,', 'is not a valid reply address for you', 'an automatic answer; replies to it are not read'],
    fr: ['Non remis : Re: Prüfung ✓', 'Bonjour María Ortega,', 'n’est pas une adresse de réponse valable pour vous', 'réponse automatique'],
    de: ['Nicht zugestellt: Re: Prüfung ✓', 'Hallo María Ortega,', 'ist keine gültige Antwortadresse für Sie', 'eine automatische Antwort'],
    es: ['No entregado: Re: Prüfung ✓', 'Hola, María Ortega:', 'no es una dirección de respuesta válida para ti', 'respuesta automática'],
    it: ['Non recapitato: Re: Prüfung ✓', 'Ciao María Ortega,', 'non è un indirizzo di risposta valido per te', 'risposta automatica'],
  };

  it('in the sender\'s own language, each of the five', async () => {
    for (const [language, [subject, greeting, reason, signature]] of Object.entries(EXPIRED)) {
      await held.stack.settings(AS.maria, { language });
      held.stack.clock.advance(DAY);
      const answer = await answerToExpired(AS.maria);
      expect(answer.subject, language).toBe(subject);
      expect(answer.text, language).toMatch(new RegExp(`^${greeting}\\n`));
      expect(answer.text, language).toContain(reason);
      expect(answer.text, language).toContain(signature);
      expect(answer.html, language).toContain(`<html lang="${language}">`);
      expect(answer.html, language).toContain(reason);
    }
    await held.stack.settings(AS.maria, { language: 'es' });
  });

  it('in the organisation\'s language when the sender chose none, else in English', async () => {
    await held.stack.settings(AS.lea, { language: null });
    await setOrganisationLanguage('basalt-labs', 'Basalt Labs', 'it');
    const lea = await answerToExpired(AS.lea);
    expect(lea.subject).toBe('Non recapitato: Re: Prüfung ✓');
    expect(lea.text).toContain('Ciao Léa Martin,');

    // Jonas chose none and Aurora AI has no language: English.
    await held.stack.settings(AS.jonas, { language: null });
    await setOrganisationLanguage('aurora-ai', 'Aurora AI');
    const jonas = await answerToExpired(AS.jonas);
    expect(jonas.subject).toBe('Not delivered: Re: Prüfung ✓');
    expect(jonas.text).toContain('Hello Jonas Weber,');

    // Their own choice wins over the organisation's.
    await held.stack.settings(AS.lea, { language: 'de' });
    held.stack.clock.advance(DAY);
    expect((await answerToExpired(AS.lea)).subject).toBe('Nicht zugestellt: Re: Prüfung ✓');
    await held.stack.settings(AS.lea, { language: 'fr' });
    await held.stack.settings(AS.jonas, { language: 'de' });
  });

  it('staff, who belong to no organisation, in their own language else English', async () => {
    const ana = await answerToExpired(AS.ana);
    expect(ana.subject).toBe('Not delivered: Re: Prüfung ✓');
    await held.stack.settings(AS.ana, { language: 'es' });
    held.stack.clock.advance(DAY);
    expect((await answerToExpired(AS.ana)).text).toContain('Hola, Ana García:');
    await held.stack.settings(AS.ana, { language: null });
  });

  it('files left out, in the sender\'s language, with why in words of that language', async () => {
    // Jonas reads German.
    const ticketOfJonas = await held.stack.newTicket(AS.jonas);
    await held.stack.sent();
    await held.stack.send({
      from: AS.jonas, to: held.stack.address(ticketOfJonas.reference, AS.jonas), subject: 'Re: Dateien', messageId: id(), text: 'Zwei Dateien.',
      attachments: [{ filename: 'tool.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00]) }, { filename: 'job.out', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) }],
    });
    const notice = (await held.stack.sent()).find((m) => m.to.address === AS.jonas && m.subject.startsWith(`[${ticketOfJonas.reference}]`))!;
    const parsed = await simpleParser(toMime(notice));
    expect(parsed.subject).toBe(`[${ticketOfJonas.reference}] Einige Dateien wurden nicht angehängt`);
    expect(parsed.text).toContain(`Ihre E-Mail wurde dem Ticket ${ticketOfJonas.reference} hinzugefügt`);
    expect(parsed.text).toContain('- tool.exe: Dateien dieser Art können nicht angehängt werden (erlaubt: .out .err');
    // A program named as a log: its content is refused, in German too.
    expect(parsed.text).toContain('- job.out: ihr Inhalt passt nicht zu ihrem Namen');
    expect(parsed.text).not.toMatch(/This kind|The name says|This is a program/);
  });

  it('a closed ticket, telling the sender how to go on', async () => {
    await held.stack.settings(AS.maria, { language: 'it' });
    const closed = await held.stack.newTicket(AS.maria);
    await held.stack.patch(AS.maria, closed.id, { status: 'closed' });
    await held.stack.sent();
    await held.stack.send({ from: AS.maria, to: held.stack.address(closed.reference, AS.maria), subject: 'Re: ancora', messageId: id(), text: 'Ancora un problema.' });
    const [answer] = answersIn(await held.stack.sent());
    const parsed = await simpleParser(toMime(answer!));
    expect(parsed.subject).toBe('Non recapitato: Re: ancora');
    expect(parsed.text).toContain('il ticket è chiuso. Per continuare, apri un nuovo ticket scrivendo a support@hpc-ai-support-centre.local');
    await held.stack.settings(AS.maria, { language: 'es' });
  });
});
