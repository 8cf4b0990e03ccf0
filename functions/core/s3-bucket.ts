import { presignUrl, type AwsCredentials } from './sigv4.ts';

/**
 * One S3 bucket addressed by presigned requests (sigv4.ts): the addressing the attachments adapter
 * (functions/attachments/s3-blobs.ts) builds on, and plain reads and writes of whole objects for the e-mail
 * functions' bucket (functions/inbound-mail). No S3 client: see s3-blobs.ts for why.
 */
export interface S3BucketOptions {
  bucket: string;
  region: string;
  /** Lambda's role credentials (its environment), read on each signature: they rotate. */
  credentials: () => AwsCredentials;
  /**
   * Another S3-compatible endpoint (`http://127.0.0.1:9000`), addressed path-style (`/bucket/key`): tests run
   * against a stand-in over a real socket. By default the bucket's virtual host in `region`.
   */
  endpoint?: string;
  /** Overrides the HTTP client (tests). */
  fetch?: typeof fetch;
}

export function s3Bucket({ bucket, region, credentials, endpoint, fetch: send = fetch }: S3BucketOptions) {
  const custom = endpoint ? new URL(endpoint) : undefined;
  const protocol = custom?.protocol ?? 'https:';
  const host = custom?.host ?? `${bucket}.s3.${region}.amazonaws.com`;
  const bucketPath = custom ? `/${bucket}` : '';
  /** A presigned URL for `method` on `key`; `headers` are signed and must be sent exactly so. */
  const signed = (method: string, key: string, now: Date, query: Record<string, string> = {}, expiresIn = 60, headers?: Record<string, string>) =>
    presignUrl({ method, protocol, host, path: `${bucketPath}/${key}`, query, headers, expiresInSeconds: expiresIn }, credentials(), region, now);

  return {
    bucket, region, credentials, signed, send,
    /** Where a browser POSTs a form upload. */
    formUrl: `${protocol}//${host}${bucketPath || '/'}`,

    /** The object's first `maxBytes` bytes (all of it by default) and its whole size; undefined when there is none. */
    async read(key: string, maxBytes?: number): Promise<{ bytes: Uint8Array; size: number } | undefined> {
      const response = await send(signed('GET', key, new Date(), { 'x-id': 'GetObject' }), maxBytes === undefined ? {} : { headers: { range: `bytes=0-${maxBytes - 1}` } });
      if (response.status === 404 || response.status === 403) return undefined;
      if (response.status === 416) return { bytes: new Uint8Array(), size: 0 };
      if (!response.ok) throw new Error(`S3 GET ${key}: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
      return { bytes, size: total ? Number(total) : bytes.length };
    },

    /** PutObject; `headers` (content-type, x-amz-tagging, ...) are signed and sent. */
    async write(key: string, bytes: Uint8Array, headers: Record<string, string>): Promise<void> {
      const response = await send(signed('PUT', key, new Date(), { 'x-id': 'PutObject' }, 60, headers), { method: 'PUT', body: new Uint8Array(bytes), headers });
      if (!response.ok) throw new Error(`S3 PUT ${key}: ${response.status}`);
    },

    /** DeleteObject; nothing there is fine. */
    async remove(key: string): Promise<void> {
      const response = await send(signed('DELETE', key, new Date(), { 'x-id': 'DeleteObject' }), { method: 'DELETE' });
      if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key}: ${response.status}`);
    },
  };
}

export type S3Bucket = ReturnType<typeof s3Bucket>;
