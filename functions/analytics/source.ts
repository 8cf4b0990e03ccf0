import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { addressOfViewerHeader, bucketOfAddress } from './domain/source-address.ts';

/** Added by CloudFront to each origin request (with the managed AllViewerExceptHostHeader policy): the viewer's address and port. */
export const VIEWER_ADDRESS_HEADER = 'CloudFront-Viewer-Address';
/**
 * Added by the site's distribution to each request it sends to the API, with the deployment's secret (cdk): proof
 * that the request came through it. CloudFront replaces a viewer's own header of this name.
 */
export const EDGE_SECRET_HEADER = 'X-Origin-Verify';

type RuntimeEnv = {
  event?: { requestContext?: { http?: { sourceIp?: string } } };
  incoming?: { socket?: { remoteAddress?: string } };
} | undefined;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Where a request came from, as the bucket it counts against. In Lambda, API Gateway's source address, which
 * behind CloudFront is an edge server shared by every reader near it; so when the request carries the edge
 * secret (compared in constant time) the viewer's address CloudFront wrote is believed instead. Without the
 * secret, or without a secret configured, the header is ignored: a client calling the API directly cannot pick
 * its bucket. The local server keys on the socket's address and reads no header. Only ever hashed in memory by
 * the throttle, never logged or stored.
 */
export function requestSource(edgeSecret?: string): (c: Context) => string {
  const expected = edgeSecret === undefined ? undefined : digest(edgeSecret);
  const cameThroughEdge = (given: string | undefined) => expected !== undefined && given !== undefined && timingSafeEqual(digest(given), expected);
  return (c) => {
    const env = c.env as RuntimeEnv;
    const sourceIp = env?.event?.requestContext?.http?.sourceIp;
    if (sourceIp === undefined) return bucketOfAddress(env?.incoming?.socket?.remoteAddress ?? 'unknown');
    const viewer = cameThroughEdge(c.req.header(EDGE_SECRET_HEADER)) ? addressOfViewerHeader(c.req.header(VIEWER_ADDRESS_HEADER)) : undefined;
    return bucketOfAddress(viewer ?? sourceIp);
  };
}
