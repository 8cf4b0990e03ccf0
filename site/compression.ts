// Compression on the fly as CloudFront does it (compress: true, cdk/constructs/site-hosting.ts), for the local
// site server. Not hono/compress: it answers HEAD with the identity length and no Content-Encoding while GET is
// gzip, and leaves Vary off a 206 or a small file, so a cache between could hand a gzip body to a client that
// cannot read it (or the reverse). Here one decision serves GET and HEAD, and every response whose type could be
// compressed says it varies by Accept-Encoding.
import type { Context, MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';

/**
 * The types of CloudFront's list the site serves, from 1,000 bytes. The build precompresses only scripts,
 * styles and the search index; pages and the search's snippet texts (JSON) go compressed by CloudFront.
 */
const CLOUDFRONT_COMPRESSES = /^(?:text\/(?:html|css|javascript|plain|xml|csv)|application\/(?:json|javascript|xml|xhtml\+xml|rss\+xml)|image\/svg\+xml)(?:;|$)/;
const CLOUDFRONT_MIN_BYTES = 1_000;
const VARIES_BY_ENCODING = /(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i;

/** `precompressed`: whether the file asked for has a .gz beside it, sent in its place to a client that takes gzip. */
export function cloudFrontCompression(precompressed: (c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const compressible = CLOUDFRONT_COMPRESSES.test(c.res.headers.get('Content-Type') ?? '');
    if (!compressible && !precompressed(c)) return;
    if (!VARIES_BY_ENCODING.test(c.res.headers.get('Vary') ?? '')) c.header('Vary', 'Accept-Encoding', { append: true });
    if (!compressible) return;
    if (!compressesNow(c)) return;
    // HEAD gets GET's headers and no body (its Content-Length was the identity length, which GET does not send).
    const body = c.req.method === 'HEAD' ? null : c.res.body?.pipeThrough(new CompressionStream('gzip'));
    c.res = new Response(body ?? null, c.res);
    c.res.headers.delete('Content-Length');
    c.res.headers.set('Content-Encoding', 'gzip');
    const etag = c.res.headers.get('ETag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

/** Whether this response goes gzip: the client takes it, and the body is whole, not yet encoded, and big enough. */
function compressesNow(c: Context): boolean {
  const { headers, status } = c.res;
  if (status === 206 || headers.has('Content-Encoding') || headers.has('Transfer-Encoding')) return false;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('Cache-Control') ?? '')) return false;
  const length = headers.get('Content-Length');
  if (length !== null && Number(length) < CLOUDFRONT_MIN_BYTES) return false;
  if (c.req.method !== 'HEAD' && !c.res.body) return false;
  return acceptsGzip(c.req.header('Accept-Encoding'));
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const q = (accepts.find((accept) => accept.type.toLowerCase() === 'gzip') ?? accepts.find((accept) => accept.type === '*'))?.q ?? 0;
  return q > 0;
}
