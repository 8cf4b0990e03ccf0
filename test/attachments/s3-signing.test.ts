import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachmentDisposition } from '../../functions/attachments/blob-storage.ts';
import { PENDING_TAGGING, s3Blobs, uploadKey } from '../../functions/attachments/s3-blobs.ts';
import { startS3StandIn, type S3StandIn } from './s3-standin.ts';

// The S3 adapter signs with its own SigV4 (functions/core/sigv4.ts); the SDK's presigners are the
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
      Bucket: bucket, Key: uploadKey(key), Expires: 15 * 60,
      Conditions: [['content-length-range', 5_000_000, 5_000_000]],
      Fields: { 'Content-Type': 'text/plain', tagging: PENDING_TAGGING },
    });
    const ours = await blobs.uploadTarget(key, { contentType: 'text/plain', size: 5_000_000, expiresAt }, now);
    expect(ours.url).toBe(reference.url);
    expect(ours.fields).toEqual(reference.fields);
    const policy = JSON.parse(Buffer.from(ours.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2026-12-06T04:15:00Z');
    expect(policy.conditions).toEqual(expect.arrayContaining([
      ['content-length-range', 5_000_000, 5_000_000], { key: uploadKey(key) }, { 'Content-Type': 'text/plain' }, { bucket }, { tagging: PENDING_TAGGING },
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

// Each request the adapter itself sends (the complete step's HEAD and ranged GETs of the upload, the copy of the
// checked version to the served key and the upload's removal, a removal), byte for byte against the SDK's
// presigner for the matching command, on S3's virtual host and on a custom endpoint (path-style). Range and
// If-Match stay unsigned (SignedHeaders=host), which S3 allows; the copy's x-amz-* headers are signed and sent.
describe('every request the adapter sends, against the SDK presigner', () => {
  const ETAG = '"0cc175b9c0f1b6a831c399e269772661"';
  const captured = (endpoint?: string) => {
    const sent: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
    const adapter = s3Blobs({
      bucket, region, credentials: () => credentials, endpoint,
      fetch: async (url, init) => {
        const method = init?.method ?? 'GET';
        sent.push({ method, url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
        if (method === 'DELETE') return new Response(null, { status: 204 });
        if (method === 'PUT') return new Response(`<CopyObjectResult><ETag>${ETAG}</ETag></CopyObjectResult>`, { status: 200 });
        return new Response(method === 'GET' ? 'abcd' : null, { status: 200, headers: { 'content-length': '4', etag: ETAG } });
      },
    });
    return { adapter, sent };
  };

  for (const endpoint of [undefined, 'http://127.0.0.1:4567']) {
    it(`HEAD, ranged GET, copy, DELETE ${endpoint ? 'on a custom endpoint' : 'on the bucket\'s host'}`, async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(now);
      const sdk = endpoint ? new S3Client({ region, credentials, endpoint, forcePathStyle: true, responseChecksumValidation: 'WHEN_REQUIRED', requestChecksumCalculation: 'WHEN_REQUIRED' }) : client;
      const { adapter, sent } = captured(endpoint);
      expect(await adapter.uploaded(key)).toEqual({ size: 4, version: ETAG });
      await adapter.readUploaded(key, ETAG, 0, 65_535);
      expect(await adapter.keep(key, ETAG)).toBe(true);
      await adapter.remove(key);
      const copyHeaders = { 'x-amz-copy-source': `${bucket}/${uploadKey(key)}`, 'x-amz-copy-source-if-match': ETAG, 'x-amz-tagging-directive': 'REPLACE' };
      const presign = (command: object, unhoistable: string[] = []) => getSignedUrl(sdk, command as GetObjectCommand, { expiresIn: 60, signingDate: now, unhoistableHeaders: new Set(unhoistable) });
      const expected = [
        await presign(new HeadObjectCommand({ Bucket: bucket, Key: uploadKey(key) })),
        await presign(new GetObjectCommand({ Bucket: bucket, Key: uploadKey(key) })),
        await presign(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: copyHeaders['x-amz-copy-source'], CopySourceIfMatch: ETAG, TaggingDirective: 'REPLACE' }), Object.keys(copyHeaders)),
        await presign(new DeleteObjectCommand({ Bucket: bucket, Key: uploadKey(key) })),
        await presign(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
        await presign(new DeleteObjectCommand({ Bucket: bucket, Key: uploadKey(key) })),
      ];
      expect(sent.map((u) => u.url)).toEqual(expected);
      expect(sent.map((u) => u.method)).toEqual(['HEAD', 'GET', 'PUT', 'DELETE', 'DELETE', 'DELETE']);
      expect(sent[1]!.headers).toEqual({ range: 'bytes=0-65535', 'if-match': ETAG });
      expect(sent[2]!.headers).toEqual(copyHeaders);
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

  it('uploads by the signed form, reads size and ranges, keeps the checked version, serves it as an attachment, removes', async () => {
    const blobs = adapter();
    const target = await blobs.uploadTarget(key, { contentType: 'text/plain', size: LOG.length, expiresAt: new Date(Date.now() + 60_000) }, new Date());
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, LOG) })).status).toBe(204);
    expect(s3.objects.get(uploadKey(key))?.tagging).toBe(PENDING_TAGGING);
    const uploaded = (await blobs.uploaded(key))!;
    expect(uploaded.size).toBe(LOG.length);
    const read = async (start: number, end: number) => Buffer.from((await blobs.readUploaded(key, uploaded.version, start, end))!).toString();
    expect(await read(0, 9)).toBe('slurmstepd');
    expect(await read(LOG.length - 4, LOG.length + 100)).toBe('***\n');
    expect(await read(LOG.length + 10, LOG.length + 20)).toBe('');
    expect(await blobs.keep(key, uploaded.version)).toBe(true);
    expect([...s3.objects.keys()]).toEqual([key]);
    expect(s3.objects.get(key)?.tagging).toBeUndefined();
    // The upload link still works until it expires, but only ever writes the upload: the served file stays.
    const other = Buffer.from(LOG.toString().replace('slurmstepd', 'SLURMSTEPD'));
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, other) })).status).toBe(204);
    const url = await blobs.downloadUrl(key, { filename: 'job (1).log', contentType: 'text/plain; charset=utf-8', expiresAt: new Date(Date.now() + 300_000) }, new Date());
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(attachmentDisposition('job (1).log'));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(LOG);
    await blobs.remove(key);
    expect(s3.objects.size).toBe(0);
    // Every request above met the signature check (a refusal would have been a 403 here).
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });

  it('keeps nothing but the version checked: an upload replaced meanwhile is neither read nor copied', async () => {
    const blobs = adapter();
    const target = await blobs.uploadTarget(key, { contentType: 'text/plain', size: LOG.length, expiresAt: new Date(Date.now() + 60_000) }, new Date());
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, LOG) })).status).toBe(204);
    const checked = (await blobs.uploaded(key))!;
    const swapped = Buffer.alloc(LOG.length, 0x41);
    expect((await fetch(target.url, { method: 'POST', body: form(target.fields, swapped) })).status).toBe(204);
    expect(await blobs.readUploaded(key, checked.version, 0, 9)).toBeUndefined();
    expect(await blobs.keep(key, checked.version)).toBe(false);
    expect(s3.objects.has(key)).toBe(false);
    await blobs.remove(key);
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
