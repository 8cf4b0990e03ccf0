import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { describe, expect, it } from 'vitest';
import { decodeHandoff, encodeHandoff } from '../../functions/inbound-mail/handoff.ts';
import { parseReceived } from '../../functions/inbound-mail/receive.ts';
import { extractReply } from '../../functions/inbound-mail/domain/reply-text.ts';

describe('the hand-off between the parsing and the processing function', () => {
  it('carries the envelope and the parsed mail, files byte for byte, through JSON', async () => {
    const raw = await new MailComposer({
      from: 'María Ortega <maria@aurora-ai.example>', to: 'support@support.example.eu', subject: 'Rank 12 hangs', messageId: '<h-1@aurora-ai.example>',
      text: 'See the log.', html: '<p>See the <b>log</b>.</p>',
      attachments: [{ filename: 'nccl.log', content: 'NCCL WARN timeout\n' }, { filename: 'plot.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]) }],
    }).compile().build();
    const envelope = { size: raw.length, recipients: ['support@support.example.eu'], mailFrom: 'maria@aurora-ai.example', authentication: { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' } };
    const parsed = await parseReceived({ ...envelope, raw }, 1024 * 1024);
    expect(parsed).toMatchObject({ from: { address: 'maria@aurora-ai.example', name: 'María Ortega' }, subject: 'Rank 12 hangs', messageId: '<h-1@aurora-ai.example>', text: 'See the log.' });
    expect(parsed.files.map((f) => f.filename)).toEqual(['nccl.log', 'plot.png']);
    expect(decodeHandoff(encodeHandoff({ envelope, parsed }))).toEqual({ envelope, parsed });
  });

  it('reads only the header block of a mail past the limit', async () => {
    const raw = await new MailComposer({ from: 'maria@aurora-ai.example', to: 'support@support.example.eu', subject: 'Huge', text: 'x'.repeat(5000) }).compile().build();
    const parsed = await parseReceived({ size: raw.length, recipients: [], mailFrom: '', authentication: 'loopback', raw }, 1024);
    expect(parsed.subject).toBe('Huge');
    expect(parsed.text ?? '').toBe('');
  });
});

describe('which body a reply is read from', () => {
  it('an HTML-only mail has no text (postal-mime makes none up), so the reply comes from the HTML through our converter', async () => {
    const raw = await new MailComposer({
      from: 'maria@aurora-ai.example', to: 'support@support.example.eu', subject: 'Re: [HD-1005]',
      html: '<div>It runs now, thanks!</div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 30 Nov 2026 at 10:02, Ana García &lt;ana@support.example&gt; wrote:<br></div><blockquote class="gmail_quote">Set NCCL_SOCKET_IFNAME=hsn0.</blockquote></div>',
    }).compile().build();
    const parsed = await parseReceived({ size: raw.length, recipients: [], mailFrom: '', authentication: 'loopback', raw }, 1024 * 1024);
    expect(parsed.text).toBeUndefined();
    expect(extractReply({ text: parsed.text, html: parsed.html })).toBe('It runs now, thanks!');
  });

  it('a mail with a text/plain part is read from it', async () => {
    const raw = await new MailComposer({
      from: 'maria@aurora-ai.example', to: 'support@support.example.eu', subject: 'Re: [HD-1005]',
      text: 'Plain words.\n\n> quoted', html: '<p>HTML words.</p>',
    }).compile().build();
    const parsed = await parseReceived({ size: raw.length, recipients: [], mailFrom: '', authentication: 'loopback', raw }, 1024 * 1024);
    expect(extractReply({ text: parsed.text, html: parsed.html })).toBe('Plain words.');
  });
});
