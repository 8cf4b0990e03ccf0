import { DeleteObjectCommand, DeleteObjectTaggingCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachmentDisposition } from '../../functions/attachments/blob-storage.ts';
import { PENDING_TAGGING, s3Blobs } from '../../functions/attachments/s3-blobs.ts';
import { startS3StandIn, type S3StandIn } from './s3-standin.ts';

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
    expect(ours).toBe(reference);
    const params = new URL(ours).searchParams;
    expect(params.get('X-Amz-Expires')).toBe('300');
    expect(params.get('response-content-disposition')).toMatch(/^attachment; /);
  });
});

// Each request the adapter itself sends (the complete step's HEAD and ranged GETs, the untagging DELETE, the
// removal), byte for byte against the SDK's presigner for the matching command, on S3's virtual host and on a
// custom endpoint (path-style). The Range header stays unsigned (SignedHeaders=host), which S3 allows.
describe('every request the adapter sends, against the SDK presigner', () => {
  const captured = (endpoint?: string) => {
    const urls: Array<{ method: string; url: string; range?: string }> = [];
    const adapter = s3Blobs({
      bucket, region, credentials: () => credentials, endpoint,
      fetch: async (url, init) => {
        urls.push({ method: init?.method ?? 'GET', url: String(url), range: (init?.headers as Record<string, string> | undefined)?.range });
        return new Response(init?.method === 'GET' ? 'abcd' : null, { status: init?.method === 'DELETE' ? 204 : 200, headers: { 'content-length': '4' } });
      },
    });
    return { adapter, urls };
  };

  for (const endpoint of [undefined, 'http://127.0.0.1:4567']) {
    it(`HEAD, ranged GET, DELETE ?tagging and DELETE ${endpoint ? 'on a custom endpoint' : 'on the bucket\'s host'}`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(now);
      const sdk = endpoint ? new S3Client({ region, credentials, endpoint, forcePathStyle: true, responseChecksumValidation: 'WHEN_REQUIRED', requestChecksumCalculation: 'WHEN_REQUIRED' }) : client;
      const { adapter, urls } = captured(endpoint);
      await adapter.size(key);
      await adapter.read(key, 0, 65_535);
      await adapter.keep(key);
      await adapter.remove(key);
      const expected = await Promise.all([
        new HeadObjectCommand({ Bucket: bucket, Key: key }), new GetObjectCommand({ Bucket: bucket, Key: key }),
        new DeleteObjectTaggingCommand({ Bucket: bucket, Key: key }), new DeleteObjectCommand({ Bucket: bucket, Key: key }),
      ].map((command) => getSignedUrl(sdk, command as GetObjectCommand, { expiresIn: 60, signingDate: now })));
      expect(urls.map((u) => u.url)).toEqual(expected);
      expect(urls.map((u) => u.method)).toEqual(['HEAD', 'GET', 'DELETE', 'DELETE']);
      expect(urls[1]!.range).toBe('bytes=0-65535');
    });
  }
});

describe('over a real socket, against an S3 stand-in that verifies with the SDK\'s signer', () => {
  let s3: S3StandIn;
  let clock = new Date();
  beforeAll(async () => { s3 = await startS3StandIn({ bucket, region, credentials, sha256: client.config.sha256, now: () => clock }); });
  afterAll(async () => { await s3?.close(); });
  beforeEach(() => { clock = new Date(); });
  const adapter = () => s3Blobs({ bucket, region, credentials: () => credentials, endpoint: s3.endpoint });
  const LOG = Buffer.from('slurmstepd: error: *** JOB 4711 ON nid001234 CANCELLED DUE TO TIME LIMIT ***\n');
  const form = (fields: Record<string, string>, bytes: Buffer) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([new Uint8Array(bytes)]), 'job.log');
    return data;
  };

  it('uploads by the signed form, reads size and ranges, untags, serves a download as an attachment, removes', async () => {
    const blobs = adapter();
    const target = await blobs.uploadTarget(key, { contentType: 'text/plain', size: LOG.length, expiresAt: new Date(Date.now() + 60_000) }, new Date());
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, LOG) })).status).toBe(204);
    expect(s3.objects.get(key)?.tagging).toBe(PENDING_TAGGING);
    expect(await blobs.size(key)).toBe(LOG.length);
    expect(Buffer.from(await blobs.read(key, 0, 9)).toString()).toBe('slurmstepd');
    expect(Buffer.from(await blobs.read(key, LOG.length - 4, LOG.length + 100)).toString()).toBe('***\n');
    expect(await blobs.read(key, LOG.length + 10, LOG.length + 20)).toEqual(new Uint8Array());
    await blobs.keep(key);
    expect(s3.objects.get(key)?.tagging).toBeUndefined();
    const url = await blobs.downloadUrl(key, { filename: 'job (1).log', contentType: 'text/plain; charset=utf-8', expiresAt: new Date(Date.now() + 300_000) }, new Date());
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(attachmentDisposition('job (1).log'));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(LOG);
    await blobs.remove(key);
    expect(await blobs.size(key)).toBeUndefined();
    // Every request above met the signature check (a refusal would have been a 403 here).
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });

  it('refuses forged, moved, expired and out-of-policy requests (so the check above can fail)', async () => {
    const blobs = adapter();
    const target = await blobs.uploadTarget(key, { contentType: 'text/plain', size: LOG.length, expiresAt: new Date(Date.now() + 60_000) }, new Date());
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, Buffer.concat([LOG, Buffer.from('x')])) })).status).toBe(400);
    expect((await fetch(target.url, { method: 'POST', body: form({ ...target.fields, 'Content-Type': 'text/html' }, LOG) })).status).toBe(403);
    expect((await fetch(target.url, { method: 'POST', body: form({ ...target.fields, key: 'tickets/t-2/a-9' }, LOG) })).status).toBe(403);
    expect((await fetch(target.url, { method: 'POST', body: form({ ...target.fields, acl: 'public-read' }, LOG) })).status).toBe(403);
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, LOG) })).status).toBe(204);

    const url = new URL(await blobs.downloadUrl(key, { filename: 'job.log', contentType: 'text/plain; charset=utf-8', expiresAt: new Date(Date.now() + 300_000) }, new Date()));
    const signature = url.searchParams.get('X-Amz-Signature')!;
    const forged = new URL(url);
    forged.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    const moved = new URL(url);
    moved.pathname = moved.pathname.replace('a-1', 'a-2');
    const inline = new URL(url);
    inline.searchParams.set('response-content-type', 'text/html');
    for (const refused of [forged, moved, inline]) expect((await fetch(refused)).status, refused.toString()).toBe(403);
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(403);
    clock = new Date(Date.now() + 301_000);
    expect((await fetch(url)).status).toBe(403);
  });
});
