/**
 * The local adapter of BlobStorage: files under DATA_DIR/attachments, with upload and download URLs signed
 * (HMAC-SHA256) and expiring like S3's presigned ones, verified by the routes the local server mounts
 * (`blobRoutes`): a browser POST upload whose signed policy fixes the key, the content type and the exact size,
 * and downloads that are always attachments, with byte ranges (the log viewer reads big logs in pieces).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { attachmentDisposition, BLOB_KEY, type BlobStorage, type UploadedFile } from './blob-storage.ts';
import { MAX_FILE_BYTES } from './domain/limits.ts';
import { boundaryOf, parseMultipart } from './multipart.ts';

export interface LocalBlobs extends BlobStorage {
  /** The upload and download routes, to mount at the server's root. */
  routes: Hono;
}

export const LOCAL_BLOB_PATH = '/local-blobs';

/** The policy a served file carries: no scripts, no loads, a unique origin (sandbox). */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

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
  const versionOf = (info: { ino: number; mtimeMs: number; size: number }) => `${info.ino}-${info.mtimeMs}-${info.size}`;
  const uploaded = async (key: string): Promise<UploadedFile | undefined> => {
    const info = await stat(pathOf(key)).catch(() => undefined);
    return info && { size: info.size, version: versionOf(info) };
  };
  /** A file is written aside, then placed: a reader never sees half a file. */
  const writeAside = async (target: string, bytes: Uint8Array) => {
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(partial, bytes);
    return partial;
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
    const target = pathOf(policy.key);
    const partial = await writeAside(target, file);
    // Once per link: the file checked at completion is the file served (the link still works after it). The same
    // bytes again (a retry whose answer was lost) are fine.
    const placed = await link(partial, target).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    }).finally(() => rm(partial, { force: true }));
    if (!placed && !(await readFile(target)).equals(file)) return problem(409, 'This file was uploaded already; attach it again to send other content.');
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
      // Served from the site's own origin (in AWS the bucket's is another): should a browser ever render one inline,
      // nothing in it runs, loads or reaches the site.
      'content-security-policy': DOWNLOAD_CSP,
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
    // One file per key: its link places it once (the upload route), so the file checked is the file served.
    uploaded,
    async readUploaded(key, version, start, end) {
      const handle = await open(pathOf(key), 'r');
      try {
        if (versionOf(await handle.stat()) !== version) return undefined;
        const buffer = Buffer.alloc(Math.max(0, end - start + 1));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return new Uint8Array(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    },
    async keep(key, version) {
      return (await uploaded(key))?.version === version;
    },
    async write(key, bytes) {
      await rename(await writeAside(pathOf(key), bytes), pathOf(key));
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
