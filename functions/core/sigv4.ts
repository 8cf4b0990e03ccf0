import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 on node:crypto alone, for the few AWS calls made without the SDK: S3 query-string
 * presigning and browser POST policies (functions/attachments/s3-blobs.ts, and the e-mail functions' bucket), and
 * requests signed in their Authorization header (SES v2 SendEmail, functions/notify/ses-client.ts). Why not the
 * SDK's clients: each would put its function over the bundle budget (see those files). Checked against the SDK's
 * presigners in test/attachments/s3-signing.test.ts (byte-identical URLs and policies for the same inputs) and
 * against its signer (@smithy/signature-v4) in test/core/sigv4.test.ts.
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Lambda's role credentials, from its environment (read on each signature: they rotate). */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): AwsCredentials {
  return { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/** 20261206T035500Z */
export const amzDate = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

export function signingKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, shortDate), region), service), 'aws4_request');
}

export const scopeOf = (shortDate: string, region: string, service: string) => `${shortDate}/${region}/${service}/aws4_request`;

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const uriEncode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Signs a browser POST policy: the base64 policy and its hex signature. */
export function signPolicy(policy: object, credentials: AwsCredentials, region: string, at: Date): { policy: string; signature: string } {
  const encoded = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
  const key = signingKey(credentials.secretAccessKey, amzDate(at).slice(0, 8), region, 's3');
  return { policy: encoded, signature: createHmac('sha256', key).update(encoded, 'utf8').digest('hex') };
}

/**
 * A presigned S3 URL: `method` on `protocol://host/path` with `query` (besides the X-Amz-* ones), valid
 * `expiresInSeconds` from `at`. The host header is signed, and `headers` (lower-case names) which the request
 * must then send with exactly these values: S3 reads x-amz-copy-source only as a header, not from the query.
 */
export function presignUrl(
  { method, protocol = 'https:', host, path, query, headers = {}, expiresInSeconds }: {
    method: string; protocol?: string; host: string; path: string; query: Record<string, string>; headers?: Record<string, string>; expiresInSeconds: number;
  },
  credentials: AwsCredentials, region: string, at: Date,
): string {
  const date = amzDate(at);
  const scope = scopeOf(date.slice(0, 8), region, 's3');
  const signed: Record<string, string> = { host, ...headers };
  const signedNames = Object.keys(signed).sort();
  const params: Record<string, string> = {
    ...query,
    'X-Amz-Algorithm': ALGORITHM,
    'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
    'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': date,
    'X-Amz-Expires': String(expiresInSeconds),
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    'X-Amz-SignedHeaders': signedNames.join(';'),
  };
  const queryOf = (all: Record<string, string>) => Object.keys(all).sort().map((name) => `${uriEncode(name)}=${uriEncode(all[name]!)}`).join('&');
  const canonicalQuery = queryOf(params);
  const canonicalPath = path.split('/').map(uriEncode).join('/');
  const canonicalHeaders = signedNames.map((name) => `${name}:${signed[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [method, canonicalPath, canonicalQuery, canonicalHeaders, signedNames.join(';'), 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, date.slice(0, 8), region, 's3')).update(stringToSign, 'utf8').digest('hex');
  // The signature in its sorted place, as the SDK's presigner writes it: the same URL byte for byte.
  return `${protocol}//${host}${canonicalPath}?${queryOf({ ...params, 'X-Amz-Signature': signature })}`;
}

/**
 * Signs a request in its Authorization header (such as SES v2's SendEmail): the given headers, `host`,
 * `x-amz-date`, the body's hash (sent as x-amz-content-sha256, as the SDK's signer does) and the session token
 * are signed. Returns every header to send, with lower-case names.
 */
export function signRequest(
  { method, host, path, headers, body, service }: { method: string; host: string; path: string; headers: Record<string, string>; body: string; service: string },
  credentials: AwsCredentials, region: string, at: Date,
): Record<string, string> {
  const date = amzDate(at);
  const scope = scopeOf(date.slice(0, 8), region, service);
  const payloadHash = sha256Hex(body);
  // The payload's hash is also sent and signed as a header, as the SDK's signer does by default.
  const signed: Record<string, string> = {
    ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()])),
    host,
    'x-amz-content-sha256': payloadHash,
    'x-amz-date': date,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const names = Object.keys(signed).sort();
  const canonicalRequest = [
    method, path.split('/').map(uriEncode).join('/'), '',
    names.map((name) => `${name}:${signed[name]}\n`).join(''), names.join(';'), payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, date.slice(0, 8), region, service)).update(stringToSign, 'utf8').digest('hex');
  return { ...signed, authorization: `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}
