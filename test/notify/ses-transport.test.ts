import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { sesClient } from '../../functions/notify/ses-client.ts';
import { sesTransport } from '../../functions/notify/ses-transport.ts';
import { parseMime } from './mime-reader.ts';
import { startSesStub } from './ses-stub.ts';

describe('the SES v2 transport, against a local HTTP endpoint', () => {
  let ses: Awaited<ReturnType<typeof startSesStub>>;
  let received: Awaited<ReturnType<typeof startSesStub>>['received'];
  beforeAll(async () => {
    ses = await startSesStub();
    received = ses.received;
  });
  afterAll(() => ses.close());
  beforeEach(() => { received.length = 0; ses.state.failures = 0; });

  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  const client = (maxAttempts = 3) => sesClient({ region: 'eu-north-1', endpoint: ses.endpoint, maxAttempts, credentials: () => credentials });

  const mail: OutgoingMail = {
    from: { address: 'support@centre.example', name: 'HPC AI Support Centre' },
    to: { address: 'maria@aurora-ai.example', name: 'María Ortega' },
    subject: 'Sesión de mentoría reservada: lunes',
    text: 'Hola, María Ortega:\n\nTu sesión está reservada.\n',
    html: '<p>Hola, María Ortega:</p>',
    attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }],
    messageId: 'abc@hpc-ai-support-centre',
    date: new Date('2026-11-30T08:00:00Z'),
  };

  it('sends one signed SendEmail request with the destination and the raw MIME message', async () => {
    const result = await sesTransport(client()).send(mail);
    expect(result).toEqual({ providerMessageId: 'ses-1' });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v2/email/outbound-emails');
    expect(request!.headers['content-type']).toBe('application/json');
    // Signed by core/sigv4.ts (checked against the SDK's signer in test/core/sigv4.test.ts).
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-north-1\/ses\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(request!.body.FromEmailAddress).toBe('"HPC AI Support Centre" <support@centre.example>');
    expect(request!.body.Destination).toEqual({ ToAddresses: ['=?UTF-8?B?TWFyw61hIE9ydGVnYQ==?= <maria@aurora-ai.example>'] });
    expect(Object.keys(request!.body.Content)).toEqual(['Raw']);
    const raw = Buffer.from(request!.body.Content.Raw.Data, 'base64').toString('utf8');
    const parsed = parseMime(raw);
    expect(parsed.headers.subject).toBe(mail.subject);
    expect(parsed.headers['message-id']).toBe('<abc@hpc-ai-support-centre>');
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.attachments).toEqual([{ filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8; name="invitation.ics"', content: mail.attachments[0]!.content }]);
  });

  it('retries a server error as the SDK\'s standard mode does, and throws when SES keeps failing', async () => {
    ses.state.failures = 1;
    expect(await sesTransport(client()).send(mail)).toEqual({ providerMessageId: 'ses-2' });
    expect(received).toHaveLength(2);

    received.length = 0;
    ses.state.failures = 10;
    await expect(sesTransport(client(2)).send(mail)).rejects.toThrow(/Internal failure/);
    expect(received).toHaveLength(2);
  });
});
