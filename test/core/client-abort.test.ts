import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/core/logger.ts';
import { startLocalServer, type LocalServer } from '../../functions/local/server.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { AS } from '../support/stack.ts';

// Outside review, finding 10: a client that gives up halfway through its body is not our error (no 5xx, no
// "unhandled error" that would page someone), but it is worth a line in the log.
const lines: Array<Record<string, unknown>> = [];
let server: LocalServer;
beforeAll(async () => {
  const logger = createLogger('local', { env: { LOG_LEVEL: 'INFO' }, write: (line) => { lines.push(JSON.parse(line)); } });
  server = await startLocalServer({ port: 0, seed: true, logger });
});
afterAll(async () => { await server?.close(); });

describe('a client that aborts its request body', () => {
  it('is logged as a client abort, never as an unhandled error or a 5xx', async () => {
    const token = await server.idp.tokenFor(seedUser(AS.maria));
    const req = request(`${server.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization: `Bearer ${token}` },
    });
    req.on('error', () => {});
    req.write('{"subject": "Half a body", "body": "');
    await new Promise((resolve) => setTimeout(resolve, 200));
    req.destroy();
    await expect.poll(() => lines.find((line) => line.message === 'request' && line.path === '/api/tickets'), { timeout: 5_000 }).toBeTruthy();
    const record = lines.find((line) => line.message === 'request' && line.path === '/api/tickets')!;
    expect(lines.filter((line) => line.level === 'ERROR')).toEqual([]);
    expect(record.status).toBeLessThan(500);
    expect(lines.some((line) => line.message === 'client aborted the request')).toBe(true);
  });
});
