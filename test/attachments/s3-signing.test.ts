import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachmentDisposition } from '../../functions/attachments/blob-storage.ts';
import { PENDING_TAGGING, s3Blobs } from '../../functions/attachments/s3-blobs.ts';

// The S3 adapter signs with its own SigV4 (functions/attachments/sigv4.ts); the SDK's presigners are the
// reference: for the same credentials, time and inputs, the same policy, fields, URL and signature. No AWS call.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+with=odd chars' };
const region = 'eu-north-1';
const bucket = 'support-centre-attachments-test';
// Checksum validation off: the SDK would otherwise add x-amz-checksum-mode to a GET, which a browser download does not need.
const client = new S3Client({ region, credentials, responseChecksumValidation: 'WHEN_REQUIRED', requestChecksumCalculation: 'WHEN_REQUIRED' });
const blobs = s3Blobs({ bucket, region, credentials: () => credentials });
const now = new Date('2026-12-06T04:00:00.000Z');
const key = 'tickets/t-1/a-1';

afterEach(() => { vi.useRealTimers(); });

describe('the S3 adapter against the SDK presigners', () => {
  it('presigned POST: the same policy (key, content type, exact size, expiry) and the same signature', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    const expiresAt = new Date(now.getTime() + 15 * 60_000);
    const reference = await createPresignedPost(client, {
      Bucket: bucket, Key: key, Expires: 15 * 60,
      Conditions: [['content-length-range', 5_000_000, 5_000_000]],
      Fields: { 'Content-Type': 'text/plain', tagging: PENDING_TAGGING },
    });
    const ours = await blobs.uploadTarget(key, { contentType: 'text/plain', size: 5_000_000, expiresAt }, now);
    expect(ours.url).toBe(reference.url);
    expect(ours.fields).toEqual(reference.fields);
    const policy = JSON.parse(Buffer.from(ours.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2026-12-06T04:15:00Z');
    expect(policy.conditions).toEqual(expect.arrayContaining([
      ['content-length-range', 5_000_000, 5_000_000], { key }, { 'Content-Type': 'text/plain' }, { bucket }, { tagging: PENDING_TAGGING },
    ]));
  });

  it('presigned GET: the same URL and signature, a download with the expiry asked for', async () => {
    const expiresAt = new Date(now.getTime() + 5 * 60_000);
    const filename = 'slurm-4711 (ü).out';
    const reference = await getSignedUrl(client, new GetObjectCommand({
      Bucket: bucket, Key: key, ResponseContentDisposition: attachmentDisposition(filename), ResponseContentType: 'text/plain; charset=utf-8',
    }), { expiresIn: 300, signingDate: now });
    const ours = await blobs.downloadUrl(key, { filename, contentType: 'text/plain; charset=utf-8', expiresAt }, now);
    const sorted = (url: string) => { const u = new URL(url); u.searchParams.sort(); return u.toString(); };
    expect(sorted(ours)).toBe(sorted(reference));
    const params = new URL(ours).searchParams;
    expect(params.get('X-Amz-Expires')).toBe('300');
    expect(params.get('response-content-disposition')).toMatch(/^attachment; /);
  });
});
