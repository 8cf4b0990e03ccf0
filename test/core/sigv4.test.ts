import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../functions/core/sigv4.ts';

const bytes = (data: string | ArrayBuffer | ArrayBufferView) => (typeof data === 'string' ? data
  : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data));

/** The hash the SDK's signer is given (its own is @aws-crypto/sha256-js): SHA-256, or HMAC-SHA-256 with a key. */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

// The one signer of header-signed requests (the notifier's and the e-mail receiver's SES client use it).
describe('SigV4 in the Authorization header', () => {
  it('signs exactly as the AWS SDK\'s own signer does (with and without a session token, any header case)', async () => {
    const host = 'email.eu-north-1.amazonaws.com';
    const path = '/v2/email/outbound-emails';
    const body = JSON.stringify({ FromEmailAddress: 'a@b.example', Content: { Raw: { Data: 'eA==' } } });
    const at = new Date('2026-12-06T05:55:00Z');
    for (const creds of [credentials, { ...credentials, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+/=' }]) {
      const ours = signRequest({ method: 'POST', host, path, headers: { 'Content-Type': 'application/json' }, body, service: 'ses' }, creds, 'eu-north-1', at);
      const sdk = new SignatureV4({ service: 'ses', region: 'eu-north-1', credentials: creds, sha256: Sha256, applyChecksum: true });
      const signed = await sdk.sign({
        method: 'POST', protocol: 'https:', hostname: host, path, query: {}, headers: { 'content-type': 'application/json', host }, body,
      }, { signingDate: at });
      expect(ours.authorization).toBe(signed.headers.authorization);
      expect(ours['x-amz-date']).toBe(signed.headers['x-amz-date']);
      expect(ours['x-amz-content-sha256']).toBe(signed.headers['x-amz-content-sha256']);
      expect(ours['x-amz-security-token']).toBe(creds === credentials ? undefined : 'IQoJb3JpZ2luX2VjEXAMPLE//token+/=');
    }
  });
});
