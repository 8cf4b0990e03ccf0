import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../functions/core/http.ts';
import { EDGE_SECRET_HEADER, requestSource, VIEWER_ADDRESS_HEADER } from '../../functions/analytics/source.ts';
import { throttleBySource } from '../../functions/analytics/throttle.ts';

/** The two ways a runtime tells where a request came from: API Gateway's event (Lambda) and the socket (Node). */
const lambdaEnv = (ip: string) => ({ event: { requestContext: { http: { sourceIp: ip } } } });
const nodeEnv = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

const SECRET = 'k'.repeat(20) + 'the-edge-secret-of-this-stage';
/** One CloudFront edge server, in front of every reader near it. */
const EDGE = '130.176.1.10';

/** An app answering 202 under a throttle of `burst` events per source (no refill: the clock stands still). */
function throttled(burst: number, edgeSecret?: string) {
  const app = new Hono<ApiEnv>();
  app.post('/e', throttleBySource({ burst, ratePerSecond: 1 }, () => 0, requestSource(edgeSecret)), (c) => c.body(null, 202));
  return async (env: object, headers: Record<string, string> = {}) => (await app.request('/e', { method: 'POST', headers }, env)).status;
}

/** Through CloudFront: the edge's address as source, the viewer's in the header, and the edge secret when given. */
const viaEdge = (viewer: string, secret?: string): [object, Record<string, string>] =>
  [lambdaEnv(EDGE), { [VIEWER_ADDRESS_HEADER]: viewer, ...(secret === undefined ? {} : { [EDGE_SECRET_HEADER]: secret }) }];

describe('throttling by source', () => {
  it('keeps a bucket per source address, from the Lambda event or the socket', async () => {
    const send = throttled(2);
    expect([await send(lambdaEnv('198.51.100.1')), await send(lambdaEnv('198.51.100.1')), await send(lambdaEnv('198.51.100.1'))]).toEqual([202, 202, 429]);
    // Another reader is not held back by the first.
    expect(await send(lambdaEnv('198.51.100.2'))).toBe(202);
    expect([await send(nodeEnv('::1')), await send(nodeEnv('::1')), await send(nodeEnv('::1'))]).toEqual([202, 202, 429]);
  });

  it('behind CloudFront, with the edge secret, gives each viewer its own bucket instead of one per edge server', async () => {
    const send = throttled(2, SECRET);
    expect([await send(...viaEdge('198.51.100.7:40001', SECRET)), await send(...viaEdge('198.51.100.7:40002', SECRET)), await send(...viaEdge('198.51.100.7:40003', SECRET))])
      .toEqual([202, 202, 429]);
    // A neighbour reaching the same edge is not held back by the noisy reader.
    expect(await send(...viaEdge('203.0.113.50:51000', SECRET))).toBe(202);
    expect(await send(...viaEdge('[2001:db8:1:2::7]:443', SECRET))).toBe(202);
  });

  it('counts an IPv6 viewer by address without the port, as CloudFront writes it or bracketed, and with its /64', async () => {
    const send = throttled(3, SECRET);
    expect([
      await send(...viaEdge('2001:db8:1:2::7:40001', SECRET)),
      await send(...viaEdge('[2001:db8:1:2::7]:40002', SECRET)),
      await send(...viaEdge('2001:db8:1:2:dead:beef:0:1:40003', SECRET)),
      await send(...viaEdge('[2001:db8:1:2::99]:40004', SECRET)),
    ]).toEqual([202, 202, 202, 429]);
    expect(await send(...viaEdge('2001:db8:1:3::7:40001', SECRET))).toBe(202);
  });

  for (const [why, given] of [['without the secret', undefined], ['with a wrong secret', 'k'.repeat(49)], ['with an empty secret', ''], ['with the secret and more', `${SECRET}x`]] as const) {
    it(`believes no viewer address ${why}: every claimed viewer counts against the real source`, async () => {
      const send = throttled(2, SECRET);
      const spoofed = [await send(...viaEdge('192.0.2.1:1', given)), await send(...viaEdge('192.0.2.2:1', given)), await send(...viaEdge('[2001:db8::3]:1', given))];
      expect(spoofed).toEqual([202, 202, 429]);
      // And the source's own bucket is the one spent.
      expect(await send(lambdaEnv(EDGE))).toBe(429);
    });
  }

  it('believes no header when the function has no secret configured, even one sent with a value', async () => {
    const send = throttled(1);
    expect(await send(...viaEdge('192.0.2.1:1', ''))).toBe(202);
    expect(await send(...viaEdge('192.0.2.2:1', SECRET))).toBe(429);
  });

  it('falls back to the source when the secret is right but the viewer header is not one address', async () => {
    const send = throttled(1, SECRET);
    expect(await send(...viaEdge('192.0.2.1:1, 192.0.2.2:2', SECRET))).toBe(202);
    expect(await send(lambdaEnv(EDGE))).toBe(429);
  });

  it('keys the local server on the socket, whatever headers and secret a request carries', async () => {
    const send = throttled(2, SECRET);
    const headers = (viewer: string) => ({ [VIEWER_ADDRESS_HEADER]: viewer, [EDGE_SECRET_HEADER]: SECRET });
    expect([await send(nodeEnv('::ffff:127.0.0.1'), headers('192.0.2.1:1')), await send(nodeEnv('127.0.0.1'), headers('192.0.2.2:1')), await send(nodeEnv('127.0.0.1'), headers('192.0.2.3:1'))])
      .toEqual([202, 202, 429]);
  });
});
