import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Bucket } from '../../functions/core/s3-bucket.ts';
import { startS3StandIn, type S3StandIn } from '../attachments/s3-standin.ts';

// The e-mail functions read and write their bucket with this (functions/inbound-mail/index.ts, parser-index.ts):
// over a loopback socket to the S3 stand-in, which checks every signature with the SDK's signer.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token' };
const region = 'eu-west-1';
const bucket = 'support-centre-raw-mail-test';
let s3: S3StandIn;
beforeAll(async () => { s3 = await startS3StandIn({ bucket, region, credentials, sha256: new S3Client({ region, credentials }).config.sha256 }); });
afterAll(() => s3?.close());

describe('an S3 bucket through presigned requests', () => {
  it('writes an object with its signed headers, reads it whole or its head with the whole size, and deletes it', async () => {
    const objects = s3Bucket({ bucket, region, credentials: () => credentials, endpoint: s3.endpoint });
    const bytes = new TextEncoder().encode('{"parsed":"mail","files":[]}');
    await objects.write('parsed/abc.json', bytes, { 'content-type': 'application/json' });
    expect(s3.objects.get('parsed/abc.json')?.contentType).toBe('application/json');
    expect(await objects.read('parsed/abc.json')).toEqual({ bytes, size: bytes.length });
    expect(await objects.read('parsed/abc.json', 8)).toEqual({ bytes: bytes.subarray(0, 8), size: bytes.length });
    expect(await objects.read('parsed/abc.json', 1000)).toEqual({ bytes, size: bytes.length });
    expect(await objects.read('parsed/none.json')).toBeUndefined();
    await objects.remove('parsed/abc.json');
    await objects.remove('parsed/abc.json');
    expect(s3.objects.size).toBe(0);
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });
});
