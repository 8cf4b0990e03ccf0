import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../../functions/core/http.ts';
import { throttleBySource } from '../../functions/analytics/throttle.ts';

/** The two ways a runtime tells where a request came from: API Gateway's event (Lambda) and the socket (Node). */
const lambdaEnv = (ip: string) => ({ event: { requestContext: { http: { sourceIp: ip } } } });
const nodeEnv = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

describe('throttling by source', () => {
  const app = new Hono<ApiEnv>();
  app.post('/e', throttleBySource({ burst: 2, ratePerSecond: 1 }, () => 0), (c) => c.body(null, 202));
  const send = async (env: object) => (await app.request('/e', { method: 'POST' }, env)).status;

  it('keeps a bucket per source address, from the Lambda event or the socket', async () => {
    expect([await send(lambdaEnv('198.51.100.1')), await send(lambdaEnv('198.51.100.1')), await send(lambdaEnv('198.51.100.1'))]).toEqual([202, 202, 429]);
    // Another reader is not held back by the first.
    expect(await send(lambdaEnv('198.51.100.2'))).toBe(202);
    expect([await send(nodeEnv('::1')), await send(nodeEnv('::1')), await send(nodeEnv('::1'))]).toEqual([202, 202, 429]);
  });
});
