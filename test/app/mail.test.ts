// The outbox page's mail reader, against what the notification code really writes (functions/notify/mime.ts).
import { describe, expect, it } from 'vitest';
import { toMime } from '../../functions/notify/mime.ts';
import { readMail } from '../../site/src/app/mail.ts';

describe('reading an outbox message in the browser', () => {
  it('gives back headers, the text and HTML parts and the attachments as written', () => {
    const raw = toMime({
      from: { address: 'support@support.example', name: 'HPC AI Support Centre' },
      to: { address: 'maria@aurora-ai.example', name: 'María Ortega' },
      subject: 'Réponse à votre ticket « NCCL timeout » — a long subject that needs several encoded words to fit',
      text: 'Hello María,\r\nAna replied.', html: '<p>Hello <strong>María</strong>,</p>',
      attachments: [{ filename: 'session.ics', contentType: 'text/calendar; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
      messageId: 'abc@support.example', date: new Date('2025-03-01T09:00:00Z'),
    });
    const mail = readMail(raw);
    expect(mail.headers.subject).toBe('Réponse à votre ticket « NCCL timeout » — a long subject that needs several encoded words to fit');
    expect(mail.headers.to).toContain('María Ortega');
    expect(mail.headers.to).toContain('maria@aurora-ai.example');
    expect(mail.text).toBe('Hello María,\r\nAna replied.');
    expect(mail.html).toBe('<p>Hello <strong>María</strong>,</p>');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('session.ics');
    expect(new TextDecoder().decode(mail.attachments[0]!.bytes)).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});

describe('a mail\'s styles in the outbox page', () => {
  it('are renamed inside tags only, before the page parses the HTML', async () => {
    const { withStylesAsData } = await import('../../site/src/app/mail.ts');
    expect(withStylesAsData('<body style="margin:0"><p class="x" STYLE = "color:red">a style="b" &lt;i style="c"&gt;</p><hr style=\'x\'></body>'))
      .toBe('<body data-mail-css="margin:0"><p class="x" data-mail-css = "color:red">a style="b" &lt;i style="c"&gt;</p><hr data-mail-css=\'x\'></body>');
    expect(withStylesAsData('<p data-style="x" mystyle="y">')).toBe('<p data-style="x" mystyle="y">');
  });
});
