/**
 * The local adapter of BlobStorage: files under DATA_DIR/attachments, with upload and download URLs signed
 * (HMAC-SHA256) and expiring like S3's presigned ones, verified by the routes the local server mounts
 * (`blobRoutes`): a browser POST upload whose signed policy fixes the key, the content type and the exact size,
 * and downloads that are always attachments, with byte ranges (the log viewer reads big logs in pieces).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { attachmentDisposition, BLOB_KEY, type BlobStorage } from './blob-storage.ts';
import { MAX_FILE_BYTES } from './domain/limits.ts';
import { boundaryOf, parseMultipart } from './multipart.ts';

export interface LocalBlobs extends BlobStorage {
  /** The upload and download routes, to mount at the server's root. */
  routes: Hono;
}

export const LOCAL_BLOB_PATH = '/local-blobs';

interface UploadPolicy { key: string; contentType: string; size: number; expires: number }

const problem = (status: number, detail: string) => new Response(JSON.stringify({ type: '/problems/blob', title: 'Refused', status, detail }), {
  status, headers: { 'content-type': 'application/problem+json' },
});

export function localBlobs({ root, baseUrl, secret = randomBytes(32), clock = () => new Date() }: {
  root: string; baseUrl: string; secret?: Buffer; clock?: () => Date;
}): LocalBlobs {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  const verified = (data: string, signature: string | undefined) => {
    const expected = Buffer.from(sign(data));
    const given = Buffer.from(signature ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const pathOf = (key: string) => {
    if (!BLOB_KEY.test(key)) throw new Error(`not a blob key: ${key}`);
    return join(root, ...key.split('/'));
  };
  /** Written aside, then renamed: a reader never sees half a file. */
  const writeWhole = async (key: string, bytes: Uint8Array) => {
    const target = pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(partial, bytes);
    await rename(partial, target);
  };
  const downloadData = (key: string, expires: string, filename: string, type: string) => `GET\n${key}\n${expires}\n${filename}\n${type}`;

  const routes = new Hono();
  routes.post(`${LOCAL_BLOB_PATH}/upload`, async (c) => {
    const length = Number(c.req.header('content-length') ?? NaN);
    if (!(length <= MAX_FILE_BYTES + 64 * 1024)) return problem(413, 'The upload is larger than any attachment may be.');
    const boundary = boundaryOf(c.req.header('content-type'));
    const form = boundary ? parseMultipart(Buffer.from(await c.req.arrayBuffer()), boundary) : undefined;
    if (!form) return problem(400, 'Send the upload as multipart/form-data.');
    const field = (name: string) => form.fields.get(name);
    const encoded = field('policy') ?? '';
    if (!verified(`POST\n${encoded}`, field('signature'))) return problem(403, 'The upload signature does not match.');
    const policy = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as UploadPolicy;
    if (clock().getTime() > policy.expires) return problem(403, 'The upload link has expired.');
    if (field('key') !== policy.key) return problem(403, 'The key is not the one the policy allows.');
    if (field('Content-Type') !== policy.contentType) return problem(403, 'The content type is not the one the policy allows.');
    const file = form.file?.bytes;
    if (!file) return problem(400, 'The form has no file (it comes last, named "file").');
    if (file.length !== policy.size) return problem(400, `The file has ${file.length} bytes; the policy allows exactly ${policy.size}.`);
    await writeWhole(policy.key, file);
    return c.body(null, 204);
  });

  routes.get(`${LOCAL_BLOB_PATH}/download/*`, async (c) => {
    const key = c.req.path.slice(`${LOCAL_BLOB_PATH}/download/`.length);
    const { expires = '', filename = '', type = '', signature } = c.req.query();
    if (!BLOB_KEY.test(key) || !verified(downloadData(key, expires, filename, type), signature)) return problem(403, 'The download signature does not match.');
    if (clock().getTime() > Number(expires)) return problem(403, 'The download link has expired.');
    const info = await stat(pathOf(key)).catch(() => undefined);
    if (!info) return problem(404, 'No such file.');
    const headers: Record<string, string> = {
      'content-type': type,
      'content-disposition': attachmentDisposition(filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'accept-ranges': 'bytes',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(c.req.header('range') ?? '');
    let start = 0;
    let end = info.size - 1;
    if (range && (range[1] || range[2])) {
      if (range[1]) { start = Number(range[1]); end = range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1; }
      else { start = Math.max(0, info.size - Number(range[2])); }
      if (start > end || start >= info.size) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${info.size}` } });
      headers['content-range'] = `bytes ${start}-${end}/${info.size}`;
    }
    headers['content-length'] = String(end - start + 1);
    const body = Readable.toWeb(createReadStream(pathOf(key), { start, end })) as ReadableStream;
    return new Response(body, { status: range && (range[1] || range[2]) ? 206 : 200, headers });
  });

  return {
    routes,
    async uploadTarget(key, { contentType, size, expiresAt }) {
      const policy = Buffer.from(JSON.stringify({ key, contentType, size, expires: expiresAt.getTime() } satisfies UploadPolicy)).toString('base64url');
      return { url: `${baseUrl}${LOCAL_BLOB_PATH}/upload`, method: 'POST', fields: { key, 'Content-Type': contentType, policy, signature: sign(`POST\n${policy}`) } };
    },
    async downloadUrl(key, { filename, contentType, expiresAt }) {
      const expires = String(expiresAt.getTime());
      const query = new URLSearchParams({ expires, filename, type: contentType, signature: sign(downloadData(key, expires, filename, contentType)) });
      return `${baseUrl}${LOCAL_BLOB_PATH}/download/${key}?${query}`;
    },
    async size(key) {
      return (await stat(pathOf(key)).catch(() => undefined))?.size;
    },
    async read(key, start, end) {
      const handle = await open(pathOf(key), 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, end - start + 1));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return new Uint8Array(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    },
    // Local pending files go when the service reclaims or refuses them; nothing to mark.
    async keep() {},
    write: (key, bytes) => writeWhole(key, bytes),
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
