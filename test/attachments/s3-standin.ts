/**
 * A stand-in for S3 on a loopback socket, for the S3 adapter's tests: it keeps objects in memory and answers the
 * requests the adapter and the browser make (POST form upload, presigned HEAD, ranged GET with If-Match, PUT
 * copy with its signed x-amz-copy-source headers, PUT of an object with its signed tagging, DELETE, DELETE ?tagging), each only when its signature is what the AWS SDK's own SigV4 signer (@smithy/signature-v4)
 * computes from the request as it arrived on the wire: method, raw path, query, Host header, credential scope,
 * expiry; for a POST, the policy's signature and every condition S3 checks (exact fields, content-length-range,
 * expiration). No npm S3 server verifies SigV4 (s3rver 3.7.1, the latest, accepts any V4 signature), hence this one.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { boundaryOf, parseMultipart } from '../../functions/attachments/multipart.ts';
import type { AwsCredentials } from '../../functions/core/sigv4.ts';

export interface StoredObject { bytes: Buffer; contentType: string; tagging?: string }

const etagOf = (bytes: Buffer) => `"${createHash('md5').update(bytes).digest('hex')}"`;

export interface S3StandIn {
  endpoint: string;
  objects: Map<string, StoredObject>;
  /** Every request as it arrived (method and raw request target) with the status answered. */
  requests: Array<{ method: string; target: string; status: number }>;
  close(): Promise<void>;
}

type ChecksumConstructor = ConstructorParameters<typeof SignatureV4>[0]['sha256'];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const AUTH_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Content-Sha256', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token', 'X-Amz-SignedHeaders', 'X-Amz-Signature']);
/** 20261206T040000Z → Date */
const fromAmzDate = (value: string) => new Date(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));

class Refusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startS3StandIn({ bucket, region, credentials, sha256, now = () => new Date() }: {
  bucket: string; region: string; credentials: AwsCredentials; sha256: ChecksumConstructor; now?: () => Date;
}): Promise<S3StandIn> {
  const objects = new Map<string, StoredObject>();
  const requests: S3StandIn['requests'] = [];
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256, uriEscapePath: false, applyChecksum: false });

  const checkCredential = (credential: string | undefined, date: string) => {
    const [accessKeyId, ...scope] = (credential ?? '').split('/');
    if (accessKeyId !== credentials.accessKeyId) throw new Refusal(403, 'InvalidAccessKeyId', 'Unknown access key.');
    if (scope.join('/') !== `${date.slice(0, 8)}/${region}/s3/aws4_request`) throw new Refusal(400, 'AuthorizationQueryParametersError', 'Bad credential scope.');
  };

  /** A presigned request: recomputed by the SDK's signer from what arrived, then compared. */
  async function verifyPresigned(request: IncomingMessage, path: string, query: URLSearchParams) {
    const date = query.get('X-Amz-Date') ?? '';
    checkCredential(query.get('X-Amz-Credential') ?? undefined, date);
    if ((query.get('X-Amz-Security-Token') ?? undefined) !== credentials.sessionToken) throw new Refusal(403, 'InvalidToken', 'The session token does not match.');
    const signedAt = fromAmzDate(date);
    const expiresIn = Number(query.get('X-Amz-Expires'));
    if (now().getTime() > signedAt.getTime() + expiresIn * 1000) throw new Refusal(403, 'AccessDenied', 'Request has expired');
    const rest: Record<string, string> = {};
    for (const [name, value] of query) if (!AUTH_PARAMS.has(name)) rest[name] = value;
    // Every header named as signed is signed with the value that arrived; an x-amz-* header sent unsigned is refused.
    const signedNames = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
    if (!signedNames.includes('host')) throw new Refusal(403, 'AccessDenied', 'The host header must be signed.');
    const unsigned = Object.keys(request.headers).filter((name) => name.startsWith('x-amz-') && !signedNames.includes(name));
    if (unsigned.length > 0) throw new Refusal(403, 'AccessDenied', `There were headers present in the request which were not signed: ${unsigned.join(', ')}`);
    const signedHeaders = Object.fromEntries(signedNames.map((name) => [name, String(request.headers[name] ?? '')]));
    const [hostname, port] = (request.headers.host ?? '').split(':');
    const expected = await signer.presign({
      method: request.method!, protocol: 'http:', hostname: hostname!, port: port ? Number(port) : undefined, path, query: rest,
      headers: { ...signedHeaders, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    }, { signingDate: signedAt, expiresIn, unhoistableHeaders: new Set(signedNames) });
    if (expected.query?.['X-Amz-SignedHeaders'] !== query.get('X-Amz-SignedHeaders') || expected.query?.['X-Amz-Signature'] !== query.get('X-Amz-Signature')) {
      throw new Refusal(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
  }

  /** A browser POST upload: the policy's signature (the SDK's signing key), then each of its conditions. */
  async function verifyPost(fields: Map<string, string>, fileLength: number) {
    const date = fields.get('X-Amz-Date') ?? '';
    checkCredential(fields.get('X-Amz-Credential'), date);
    const policy = fields.get('Policy') ?? '';
    const key = await getSigningKey(sha256, credentials, date.slice(0, 8), region, 's3');
    const hash = new sha256(key);
    hash.update(policy);
    if (hex(await hash.digest()) !== fields.get('X-Amz-Signature')) throw new Refusal(403, 'SignatureDoesNotMatch', 'The policy signature does not match.');
    const { expiration, conditions } = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    if (now().getTime() > new Date(expiration).getTime()) throw new Refusal(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    const covered = new Set(['Policy', 'X-Amz-Signature']);
    for (const condition of conditions) {
      if (Array.isArray(condition) && condition[0] === 'content-length-range') {
        if (fileLength < condition[1] || fileLength > condition[2]) throw new Refusal(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size, or is smaller than the minimum.');
        continue;
      }
      const [[name, value]] = Object.entries(condition as Record<string, string>) as [[string, string]];
      if (fields.get(name) !== value) throw new Refusal(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      covered.add(name);
    }
    for (const name of fields.keys()) if (!covered.has(name)) throw new Refusal(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${name}`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const target = request.url ?? '/';
    const [rawPath = '/', rawQuery = ''] = target.split('?', 2);
    const query = new URLSearchParams(rawQuery);
    const prefix = `/${bucket}`;
    if (rawPath !== prefix && !rawPath.startsWith(`${prefix}/`)) throw new Refusal(404, 'NoSuchBucket', 'No such bucket.');
    if (request.method === 'POST' && rawPath === prefix) {
      const form = parseMultipart(await body(request), boundaryOf(request.headers['content-type']) ?? '');
      if (!form?.file) throw new Refusal(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
      await verifyPost(form.fields, form.file.bytes.length);
      objects.set(form.fields.get('key')!, { bytes: Buffer.from(form.file.bytes), contentType: form.fields.get('Content-Type') ?? 'binary/octet-stream', tagging: form.fields.get('tagging') });
      response.writeHead(204).end();
      return;
    }
    await verifyPresigned(request, rawPath, query);
    const key = decodeURIComponent(rawPath.slice(prefix.length + 1));
    const object = objects.get(key);
    if (request.method === 'PUT' && request.headers['x-amz-copy-source']) {
      const source = objects.get(decodeURIComponent(String(request.headers['x-amz-copy-source'])).replace(`${bucket}/`, ''));
      if (!source) throw new Refusal(404, 'NoSuchKey', 'The specified key does not exist.');
      const condition = request.headers['x-amz-copy-source-if-match'];
      if (condition !== undefined && condition !== etagOf(source.bytes)) throw new Refusal(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
      const replace = request.headers['x-amz-tagging-directive'] === 'REPLACE';
      objects.set(key, { bytes: source.bytes, contentType: source.contentType, ...(replace ? {} : { tagging: source.tagging }) });
      response.writeHead(200, { 'content-type': 'application/xml' }).end(`<CopyObjectResult><ETag>${etagOf(source.bytes)}</ETag></CopyObjectResult>`);
      return;
    }
    if (request.method === 'PUT') {
      const tagging = request.headers['x-amz-tagging'];
      objects.set(key, { bytes: await body(request), contentType: request.headers['content-type'] ?? 'binary/octet-stream', ...(typeof tagging === 'string' ? { tagging } : {}) });
      response.writeHead(200, { etag: etagOf(objects.get(key)!.bytes) }).end();
      return;
    }
    if (request.method === 'DELETE') {
      if (query.has('tagging')) {
        if (!object) throw new Refusal(404, 'NoSuchKey', 'The specified key does not exist.');
        delete object.tagging;
      } else {
        objects.delete(key);
      }
      response.writeHead(204).end();
      return;
    }
    if (!object) throw new Refusal(404, 'NoSuchKey', 'The specified key does not exist.');
    const etag = etagOf(object.bytes);
    if (request.headers['if-match'] !== undefined && request.headers['if-match'] !== etag) throw new Refusal(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    const headers: Record<string, string> = {
      'content-type': query.get('response-content-type') ?? object.contentType,
      ...(query.has('response-content-disposition') ? { 'content-disposition': query.get('response-content-disposition')! } : {}),
      'accept-ranges': 'bytes',
      etag,
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...headers, 'content-length': object.bytes.length }).end();
      return;
    }
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (!range) {
      response.writeHead(200, headers).end(object.bytes);
      return;
    }
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), object.bytes.length - 1);
    if (start >= object.bytes.length) throw new Refusal(416, 'InvalidRange', 'The requested range is not satisfiable');
    response.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${object.bytes.length}` }).end(object.bytes.subarray(start, end + 1));
  }

  const server = createServer((request, response) => {
    const answered = (status: number) => requests.push({ method: request.method!, target: request.url!, status });
    handle(request, response).then(() => answered(response.statusCode), (error: unknown) => {
      const refusal = error instanceof Refusal ? error : new Refusal(500, 'InternalError', String(error));
      answered(refusal.status);
      response.writeHead(refusal.status, { 'content-type': 'application/xml' }).end(`<Error><Code>${refusal.code}</Code><Message>${refusal.message}</Message></Error>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
