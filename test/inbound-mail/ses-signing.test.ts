import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/attachments/sigv4.ts';
import { sesApiTransport } from '../../functions/notify/ses-api-transport.ts';
import { sesTransport, SESv2Client } from '../../functions/notify/ses-transport.ts';
import type { OutgoingMail } from '../../functions/notify/mime.ts';
import { startSesStub } from '../notify/ses-stub.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' };

const toBytes = (data: string | ArrayBuffer | ArrayBufferView) => (typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));

/** node:crypto in the shape @smithy/signature-v4 asks for. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', toBytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(toBytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

describe('SES v2 SendEmail signed with our own SigV4', () => {
  it('signs exactly as the AWS SDK\'s signer does', async () => {
    const at = new Date('2026-12-06T06:10:00Z');
    const body = JSON.stringify({ FromEmailAddress: 'desk@support.example.eu', Content: { Raw: { Data: 'RnJvbTogYQ==' } } });
    const ours = signRequest({ method: 'POST', host: 'email.eu-west-1.amazonaws.com', path: '/v2/email/outbound-emails', headers: { 'Content-Type': 'application/json' }, body, service: 'ses' }, credentials, 'eu-west-1', at);
    const signer = new SignatureV4({ service: 'ses', region: 'eu-west-1', credentials, sha256: Sha256 });
    const theirs = await signer.sign({
      method: 'POST', protocol: 'https:', hostname: 'email.eu-west-1.amazonaws.com', path: '/v2/email/outbound-emails', query: {},
      headers: { host: 'email.eu-west-1.amazonaws.com', 'content-type': 'application/json' }, body,
    }, { signingDate: at });
    expect(ours.authorization, JSON.stringify(theirs.headers)).toBe(theirs.headers.authorization);
    expect(ours['x-amz-security-token']).toBe('session-token');
  });

  describe('against a stand-in SES endpoint', () => {
    let stub: Awaited<ReturnType<typeof startSesStub>>;
    beforeAll(async () => { stub = await startSesStub(); });
    afterAll(() => stub?.close());

    it('sends the body the SDK client sends, and reads the message id', async () => {
      const mail: OutgoingMail = {
        from: { address: 'desk@support.example.eu', name: 'HPC AI Support Centre' }, to: { address: 'maria@aurora-ai.example', name: 'María Ortega' },
        subject: 'Not delivered: Re: [HD-1005]', text: 'Hello', html: '<p>Hello</p>', attachments: [], messageId: 'fixed@hpc-ai-support-centre', date: new Date('2026-12-06T06:00:00Z'),
      };
      const ours = await sesApiTransport({ region: 'eu-west-1', credentials: () => credentials, endpoint: stub.endpoint }).send(mail);
      const sdk = new SESv2Client({ region: 'eu-west-1', endpoint: stub.endpoint, credentials });
      await sesTransport(sdk).send(mail);
      sdk.destroy();
      const [mine, theirs] = stub.received;
      expect(ours.providerMessageId).toBe('ses-1');
      expect(mine!.path).toBe(theirs!.path);
      // The MIME boundaries are random: compare the decoded messages without them.
      const unbound = (request: typeof mine) => ({ ...request!.body, Content: { Raw: { Data: Buffer.from(request!.body.Content.Raw.Data, 'base64').toString('utf8').replace(/=_[0-9a-f]{24}/g, 'B') } } });
      expect(unbound(mine)).toEqual(unbound(theirs));
      const signedHeaders = (request: typeof mine) => /SignedHeaders=([^,]+)/.exec(String(request!.headers.authorization))![1];
      // The SDK also signs its own invocation headers; every header we sign, it signs too.
      for (const name of signedHeaders(mine)!.split(';')) expect(signedHeaders(theirs)!.split(';')).toContain(name);
      expect(mine!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/ses\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
    });
  });
});
