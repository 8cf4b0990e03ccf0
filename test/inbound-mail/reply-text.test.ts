import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../functions/inbound-mail/domain/html-to-text.ts';
import { isAttribution, outlookHeaderBlockLength } from '../../functions/inbound-mail/domain/quote-headers.ts';
import { extractReply } from '../../functions/inbound-mail/domain/reply-text.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/mail/replies');

/** Each `<name>.expected.txt` with its `<name>.txt` (text/plain part) and/or `<name>.html` (text/html part). */
function fixtures(): Array<{ name: string; mail: { text?: string; html?: string }; expected: string }> {
  return readdirSync(FIXTURES).filter((file) => file.endsWith('.expected.txt')).sort().map((file) => {
    const name = file.slice(0, -'.expected.txt'.length);
    const read = (extension: string) => {
      const path = join(FIXTURES, `${name}.${extension}`);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    };
    const text = read('txt');
    const html = read('html');
    return {
      name,
      mail: { ...(text !== undefined ? { text } : {}), ...(html !== undefined ? { html } : {}) },
      expected: readFileSync(join(FIXTURES, file), 'utf8').replace(/\n$/, ''),
    };
  });
}

describe('extractReply on mails from real clients', () => {
  const all = fixtures();

  it('has a fixture for every client, both kinds of body, and every language', () => {
    const names = all.map((fixture) => fixture.name).join(' ');
    for (const client of ['gmail', 'outlook-desktop', 'outlook-web', 'apple', 'thunderbird']) expect(names).toContain(client);
    expect(all.some((fixture) => fixture.mail.html === undefined)).toBe(true);
    expect(all.some((fixture) => fixture.mail.text === undefined)).toBe(true);
    for (const language of ['-en', '-fr', '-de', '-es', '-it']) expect(names).toContain(language);
  });

  it.each(all.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, { mail, expected }) => {
    expect(extractReply(mail)).toBe(expected);
  });
});

const ATTRIBUTION_BY_LANGUAGE = {
  en: 'On Tue, Dec 1, 2026 at 10:04 AM Ana García <ana@support.example> wrote:',
  fr: 'Le mar. 1 déc. 2026 à 10:04, Ana García <ana@support.example> a écrit :',
  de: 'Am Di., 1. Dez. 2026 um 10:04 Uhr schrieb Ana García <ana@support.example>:',
  es: 'El mar, 1 dic 2026 a las 10:04, Ana García (<ana@support.example>) escribió:',
  it: 'Il giorno mar 1 dic 2026 alle ore 10:04 Ana García <ana@support.example> ha scritto:',
};

const OUTLOOK_BLOCK_BY_LANGUAGE = {
  en: ['From: Ana García <ana@support.example>', 'Sent: Tuesday, December 1, 2026 10:04 AM', 'To: María Ortega', 'Subject: [HD-1005] NCCL'],
  fr: ['De : Ana García <ana@support.example>', 'Envoyé : mardi 1 décembre 2026 10:04', 'À : Léa Martin', 'Objet : [HD-1007] Quota'],
  de: ['Von: Ana García <ana@support.example>', 'Gesendet: Dienstag, 1. Dezember 2026 10:04', 'An: Jonas Weber', 'Betreff: [HD-1005] NCCL'],
  es: ['De: Ana García <ana@support.example>', 'Enviado el: martes, 1 de diciembre de 2026 10:04', 'Para: María Ortega', 'Asunto: [HD-1005] NCCL'],
  it: ['Da: Giulia Rossi <giulia@support.example>', 'Inviato: martedì 1 dicembre 2026 10:04', 'A: Marco Bianchi', 'Oggetto: [HD-1011] LoRA'],
};

describe('extractReply, rule by rule', () => {
  const typed = 'Yes, 4 nodes.';

  it.each(Object.entries(ATTRIBUTION_BY_LANGUAGE))('drops the %s attribution and the quote under it', (_language, attribution) => {
    expect(extractReply({ text: `${typed}\n\n${attribution}\n> How many nodes?\n>\n> Ana\n` })).toBe(typed);
  });

  it.each(Object.entries(OUTLOOK_BLOCK_BY_LANGUAGE))('drops the %s Outlook header block and everything under it', (_language, block) => {
    expect(extractReply({ text: [typed, '', ...block, '', 'How many nodes?', '', 'Ana'].join('\n') })).toBe(typed);
  });

  it.each([
    'Sent from my iPhone', 'Envoyé de mon iPhone', 'Von meinem iPhone gesendet', 'Enviado desde mi iPhone', 'Inviato da iPhone',
    'Inviato dal mio Galaxy', 'Get Outlook for Android<https://aka.ms/AAb9ysg>', 'Outlook für iOS beziehen', 'Scarica Outlook per iOS',
    '--', '-- ',
  ])('treats "%s" as the start of a signature', (signature) => {
    expect(extractReply({ text: `${typed}\n\n${signature}\nJonas Weber\nAurora AI\n` })).toBe(typed);
  });

  it('keeps a sentence that only starts like a signature, and text typed after a quote', () => {
    expect(extractReply({ text: 'Sent from my iPhone the logs did not attach, so here they are again.' }))
      .toBe('Sent from my iPhone the logs did not attach, so here they are again.');
  });

  it('does not take "On … wrote:" without a date for an attribution', () => {
    const text = 'On LUMI the launcher wrote:\nsrun: error: Unable to create step\n\nAny idea?';
    expect(extractReply({ text })).toBe(text);
  });

  it('does not take a typed "From:" line for an Outlook block', () => {
    const text = 'From: our side everything is ready.\nTo: be sure, we re-ran it twice.';
    expect(extractReply({ text })).toBe(text);
  });

  it('cuts unmarked history under an attribution that names an address', () => {
    expect(extractReply({ text: `${typed}\n\nOn 1 Dec 2026, at 10:04, Ana <ana@support.example> wrote:\n\nHow many nodes?\n` })).toBe(typed);
  });

  it('drops the "-----Original Message-----" rule in each language and what follows', () => {
    for (const rule of ['-----Original Message-----', '-----Message d\'origine-----', '-----Ursprüngliche Nachricht-----', '-----Mensaje original-----', '-----Messaggio originale-----']) {
      expect(extractReply({ text: `${typed}\n\n${rule}\nFrom: Ana\nOld text` })).toBe(typed);
    }
  });

  it('returns the unquoted text when everything is quoted, and nothing for an empty mail', () => {
    expect(extractReply({ text: '> 4 nodes\n>> 8 GPUs each' })).toBe('4 nodes\n8 GPUs each');
    expect(extractReply({ text: '  \n\n ' })).toBe('');
    expect(extractReply({})).toBe('');
    expect(extractReply({ html: '<html><head><title>x</title></head><body> </body></html>' })).toBe('');
  });

  it('reads the text/plain part when a mail has both, the HTML when the text part is empty', () => {
    expect(extractReply({ text: 'from the text part', html: '<p>from the HTML part</p>' })).toBe('from the text part');
    expect(extractReply({ text: ' \n', html: '<p>from the HTML part</p>' })).toBe('from the HTML part');
  });
});

describe('htmlToText', () => {
  it('shows a link\'s url only when it says something the text does not, and only for web and mail links', () => {
    expect(htmlToText('<a href="https://lumi-supercomputer.eu/">lumi-supercomputer.eu</a>')).toBe('lumi-supercomputer.eu');
    expect(htmlToText('<a href="mailto:ana@support.example?subject=Hi">ana@support.example</a>')).toBe('ana@support.example');
    expect(htmlToText('<a href="mailto:ana@support.example">Ana</a>')).toBe('Ana (ana@support.example)');
    expect(htmlToText('<a href="https://example.org/a"><img src="x.png"></a>')).toBe('https://example.org/a');
    expect(htmlToText('<a href="javascript:alert(1)">click</a> <a href="cid:logo@01">logo</a>')).toBe('click logo');
  });

  it('decodes numeric, Windows-1252 and named references once, and leaves unknown names as written', () => {
    expect(htmlToText('&#8364; &#x20AC; &euro; &#150; &amp;lt; &#0; &bogus; &AMP')).toBe('€ € € – &lt; \uFFFD &bogus; &AMP');
  });

  it('drops markup in attributes, comments, scripts and styles, and keeps text that looks like markup', () => {
    expect(htmlToText('<p title="<b>x</b>">a &lt;script&gt; b</p><!-- <p>hidden</p> --><script>x<y</script><style>p{}</style>'))
      .toBe('a <script> b');
  });

  it('numbers ordered lists from their start and indents nested ones', () => {
    expect(htmlToText('<ol start="3"><li>three<ol><li>inner</li></ol></li><li>four</li></ol>')).toBe('3. three\n  1. inner\n4. four');
  });

  it('turns nested blockquotes into "> " and ">> " lines', () => {
    expect(htmlToText('<div>top</div><blockquote>one<blockquote>two</blockquote>three</blockquote>')).toBe('top\n> one\n>> two\n> three');
  });

  it('keeps Outlook\'s history when asked to', () => {
    const html = '<div>typed</div><div id="appendonsend"></div><div id="divRplyFwdMsg"><b>From:</b> Ana</div><p>old</p>';
    expect(htmlToText(html)).toBe('typed');
    expect(htmlToText(html, { keepHistory: true })).toBe('typed\nFrom: Ana\n\nold');
  });
});

describe('extractReply, properties', () => {
  /** Words a typed line is made of: none starts an attribution, an Outlook field or a signature phrase. */
  const word = fc.constantFrom('the', 'job', 'runs', 'on', '4', 'nodes', 'LUMI', 'Leonardo', 'merci', 'danke', 'grazie', 'sí', '—', '(ok)', 'a:b', 'über', 'GPU?');
  const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
  const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
  const typedText = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((paragraphs) => paragraphs.join('\n\n'));
  const quoted = fc.array(fc.oneof(line, fc.constant(''), line.map((text) => `> ${text}`)), { minLength: 1, maxLength: 8 })
    .map((lines) => lines.map((text) => `> ${text}`.trimEnd()).join('\n'));
  /** An attribution as clients write it, sometimes wrapped over two lines at a space as Gmail does. */
  const attribution = fc.tuple(fc.constantFrom(...Object.values(ATTRIBUTION_BY_LANGUAGE)), fc.option(fc.nat(), { nil: undefined }))
    .map(([header, cut]) => {
      if (cut === undefined) return header;
      const spaces = [...header.matchAll(/ /g)].map((match) => match.index);
      const at = spaces[cut % spaces.length]!;
      return `${header.slice(0, at)}\n${header.slice(at + 1)}`;
    });
  const signature = fc.constantFrom('', '\n\n-- \nJonas Weber\nAurora AI', '\n\nSent from my iPhone', '\n\nVon meinem iPhone gesendet');

  it('keeps exactly the text typed above a quote header, whatever the language, wrapping and signature', () => {
    fc.assert(fc.property(typedText, signature, attribution, quoted, (typed, sign, header, history) => {
      expect(extractReply({ text: `${typed}${sign}\n\n${header}\n${history}\n` })).toBe(typed);
    }));
  });

  it('keeps exactly the text typed above an Outlook header block', () => {
    const block = fc.constantFrom(...Object.values(OUTLOOK_BLOCK_BY_LANGUAGE)).map((lines) => lines.join('\n'));
    fc.assert(fc.property(typedText, block, typedText, (typed, header, history) => {
      expect(extractReply({ text: `${typed}\n\n${header}\n\n${history}` })).toBe(typed);
    }));
  });

  it('never returns a quote header or a trailing quoted line, and never nothing when something was typed', () => {
    const part = fc.oneof(typedText, quoted, attribution.map((header) => `${header}\n> earlier`), signature);
    fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
      const reply = extractReply({ text: parts.join('\n\n') });
      const lines = reply.split('\n');
      expect(lines.filter((text) => isAttribution(text))).toEqual([]);
      expect(lines.some((_text, index) => outlookHeaderBlockLength(lines, index) > 0)).toBe(false);
      if (parts.some((text) => /\p{L}/u.test(text))) expect(reply).not.toBe('');
    }));
  });

  it('never returns nothing for a mail with a letter or digit in it, text or HTML', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      for (const mail of [{ text }, { html: `<div><p>${escaped}</p></div>` }]) {
        if (/[\p{L}\p{N}]/u.test(text)) expect(extractReply(mail)).not.toBe('');
      }
    }));
  });

  it('gives back the characters of escaped HTML text, once decoded', () => {
    const character = fc.constantFrom(...'abcXYZ09&<>"\';#éßñ€🚀'.split(/(?:)/u));
    const htmlLine = fc.array(fc.array(character, { minLength: 1, maxLength: 8 }).map((chars) => chars.join('')), { minLength: 1, maxLength: 6 })
      .map((words) => words.join(' '));
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    fc.assert(fc.property(fc.array(htmlLine, { minLength: 1, maxLength: 5 }), (lines) => {
      expect(htmlToText(lines.map((text) => `<div>${escape(text)}</div>`).join('\n'))).toBe(lines.join('\n'));
    }));
  });
});

describe('extractReply on hostile input', () => {
  /** Each about 1-2 MB; quadratic work on any of them takes minutes, linear work well under a second. */
  const texts = {
    'header-like lines': [`On ${'1 a '.repeat(20_000)}`, `Am 1 ${'schrieb '.repeat(20_000)}`, '<a@b '.repeat(20_000)].join('\n'),
    'attribution after attribution': Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '> q' : 'On 1 Dec 2026 <a@b> wrote:')).join('\n'),
    'inline answer after inline answer': Array.from({ length: 100_000 }, (_, i) => (i % 2 ? '> q?' : 'typed')).join('\n'),
    'deep quote': '>'.repeat(1_000_000),
  };
  const htmls = {
    'many small elements': '<b>x</b> '.repeat(200_000),
    'unclosed lists': '<ul><li>x'.repeat(30_000),
    'unclosed quotes': '<blockquote>x<br>'.repeat(30_000),
    'unclosed links': `${'<a href="https://x.example/">y'.repeat(30_000)}${'z'.repeat(100_000)}${'</a>'.repeat(30_000)}`,
    'unterminated tag': `<div>${'&amp;'.repeat(50_000)}<${'x'.repeat(500_000)}`,
  };

  it.each(Object.entries(texts))('stays linear on text: %s', (_name, text) => {
    const started = performance.now();
    extractReply({ text });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it.each(Object.entries(htmls))('stays linear on HTML: %s', (_name, html) => {
    const started = performance.now();
    extractReply({ html });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
