/**
 * The S3 adapter of BlobStorage: presigned POST uploads (the policy fixes the key, the content type and the
 * exact size) to `<key>.upload`, short-lived presigned GET downloads (always `Content-Disposition: attachment`)
 * of `<key>`, and the complete step: a presigned HEAD and ranged GETs (If-Match) of the upload, then a copy of
 * the very version checked to `<key>`, which no upload link can write.
 *
 * Signed with our own SigV4 (core/sigv4.ts, node:crypto) rather than @aws-sdk/client-s3 and its presigners: the
 * S3 client adds its whole protocol stack (XML serde, checksums, endpoint rules) to the bundle for five kinds
 * of signed requests. Measured (bench/lambda's esbuild settings, minified KiB / gzip KiB): minimal Hono + DynamoDB
 * handler 360.4 / 113.3; this function as it is 421.6 / 135.2 (1.17× / 1.19×); the same with @aws-sdk/client-s3,
 * s3-presigned-post and s3-request-presigner 580.8 / 181.9 (1.61× / 1.61×), past the 1.3× budget.
 * Tests (test/attachments/s3-signing.test.ts) check every request kind (POST policy, download GET, HEAD, ranged
 * GET, copy with its signed headers, DELETE) byte for byte against the SDK's presigners, and run the adapter over a loopback
 * socket against an S3 stand-in that verifies each request with the SDK's signer (@smithy/signature-v4) as it
 * arrived. No npm S3 server serves for that: s3rver 3.7.1, the latest, accepts any SigV4 signature ("Signature
 * version 4 calculation is unimplemented" in its authentication middleware); the other npm fakes are tiny forks.
 */
import { s3Bucket, type S3BucketOptions } from '../core/s3-bucket.ts';
import { signPolicy, ALGORITHM, amzDate, scopeOf } from '../core/sigv4.ts';
import { attachmentDisposition, type BlobStorage } from './blob-storage.ts';

export type S3BlobsOptions = S3BucketOptions;

/**
 * Every upload is tagged pending (the POST policy fixes the tag); the bucket's lifecycle rule deletes pending
 * objects after a day, and completing one copies it without the tag (then deletes it). So bytes of an upload
 * never completed do not stay.
 */
export const PENDING_TAG = { key: 'state', value: 'pending' } as const;
export const PENDING_TAGGING = `<Tagging><TagSet><Tag><Key>${PENDING_TAG.key}</Key><Value>${PENDING_TAG.value}</Value></Tag></TagSet></Tagging>`;

/**
 * Where a browser's upload lands: beside the served key, never it. The presigned POST still works after
 * completion until it expires; it can only replace this upload, and `keep` copies only the version checked.
 */
export const uploadKey = (key: string) => `${key}.upload`;

const seconds = (from: Date, to: Date) => Math.max(1, Math.round((to.getTime() - from.getTime()) / 1000));
const isoSeconds = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function s3Blobs(options: S3BlobsOptions): BlobStorage {
  const s3 = s3Bucket(options);
  const { bucket, region, credentials, signed, send } = s3;

  return {
    async uploadTarget(key, { contentType, size, expiresAt }, now) {
      const creds = credentials();
      const date = amzDate(now);
      // The same fields, in the same order, as @aws-sdk/s3-presigned-post builds them (tests compare the two).
      const fields: Record<string, string> = {
        'Content-Type': contentType,
        tagging: PENDING_TAGGING,
        bucket,
        'X-Amz-Algorithm': ALGORITHM,
        'X-Amz-Credential': `${creds.accessKeyId}/${scopeOf(date.slice(0, 8), region, 's3')}`,
        'X-Amz-Date': date,
        ...(creds.sessionToken ? { 'X-Amz-Security-Token': creds.sessionToken } : {}),
      };
      const upload = uploadKey(key);
      const conditions = [['content-length-range', size, size], ...Object.entries(fields).map(([name, value]) => ({ [name]: value })), { key: upload }];
      const { policy, signature } = signPolicy({ expiration: isoSeconds(expiresAt), conditions }, creds, region, now);
      return { url: s3.formUrl, method: 'POST', fields: { ...fields, key: upload, Policy: policy, 'X-Amz-Signature': signature } };
    },

    async downloadUrl(key, { filename, contentType, expiresAt }, now) {
      return signed('GET', key, now, {
        'response-content-disposition': attachmentDisposition(filename),
        'response-content-type': contentType,
        'x-id': 'GetObject',
      }, seconds(now, expiresAt));
    },

    async uploaded(key) {
      const response = await send(signed('HEAD', uploadKey(key), new Date()), { method: 'HEAD' });
      if (response.status === 404 || response.status === 403) return undefined;
      if (!response.ok) throw new Error(`S3 HEAD ${key}: ${response.status}`);
      return { size: Number(response.headers.get('content-length')), version: response.headers.get('etag') ?? '' };
    },

    // If-Match: a replacement since the HEAD answers 412, never other bytes than the version checked.
    async readUploaded(key, version, start, end) {
      const response = await send(signed('GET', uploadKey(key), new Date(), { 'x-id': 'GetObject' }), { headers: { range: `bytes=${start}-${end}`, 'if-match': version } });
      if (response.status === 412) return undefined;
      if (response.status === 416) return new Uint8Array();
      if (!response.ok) throw new Error(`S3 GET ${key}: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },

    // A server-side copy to the served key, only of the version checked, without the pending tag; then the upload goes.
    async keep(key, version) {
      const headers = { 'x-amz-copy-source': `${bucket}/${uploadKey(key)}`, 'x-amz-copy-source-if-match': version, 'x-amz-tagging-directive': 'REPLACE' };
      const response = await send(signed('PUT', key, new Date(), { 'x-id': 'CopyObject' }, 60, headers), { method: 'PUT', headers });
      if (response.status === 412 || response.status === 404) return false;
      // S3 may answer 200 with an error in the body when a copy fails late.
      const body = await response.text();
      if (!response.ok || body.includes('<Error>')) throw new Error(`S3 copy ${key}: ${response.status}`);
      await s3.remove(uploadKey(key));
      return true;
    },

    // Where an upload lands, tagged pending like one: complete then checks and keeps it as it does an upload.
    async write(key, bytes, contentType) {
      await s3.write(uploadKey(key), bytes, { 'content-type': contentType, 'x-amz-tagging': `${PENDING_TAG.key}=${PENDING_TAG.value}` });
    },

    async remove(key) {
      await s3.remove(key);
      await s3.remove(uploadKey(key));
    },
  };
}
