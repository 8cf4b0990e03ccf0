// The link checker behind `npm run check:links`, against a local server (port 0): the real script needs
// the internet and is not run in tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLinks, collectLinks } from '../../site/src/links/linkCheck.ts';

let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    switch (req.url) {
      case '/ok': res.writeHead(200).end('fine'); break;
      case '/moved': res.writeHead(301, { Location: '/new-home' }).end(); break;
      case '/new-home': res.writeHead(200).end('here now'); break;
      case '/gone': res.writeHead(404).end(); break;
      case '/no-head': res.writeHead(req.method === 'HEAD' ? 405 : 200).end(); break;
      case '/loop': res.writeHead(302, { Location: '/loop' }).end(); break;
      case '/slow': setTimeout(() => res.writeHead(200).end(), 2_000); break;
      default: res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('link check', () => {
  it('sorts links into ok, redirected (with the final address) and dead, falling back to GET when HEAD is refused', async () => {
    const urls = ['/ok', '/moved', '/gone', '/no-head', '/loop', '/slow'].map((path) => `${base}${path}`);
    const results = await checkLinks(urls, { timeoutMs: 500, concurrency: 3 });
    expect(results).toEqual([
      { url: `${base}/ok`, state: 'ok', status: 200 },
      { url: `${base}/moved`, state: 'redirected', status: 200, finalUrl: `${base}/new-home` },
      { url: `${base}/gone`, state: 'dead', status: 404, reason: 'HTTP 404' },
      { url: `${base}/no-head`, state: 'ok', status: 200 },
      { url: `${base}/loop`, state: 'dead', reason: 'more than 5 redirects' },
      { url: `${base}/slow`, state: 'dead', reason: 'timed out' },
    ]);
    expect(seen).toContain('HEAD /no-head');
    expect(seen).toContain('GET /no-head');
    expect(seen.filter((line) => line === 'GET /ok')).toEqual([]);
  });

  it('lists each cited URL once, with the guides citing it as a source or in a Check note', () => {
    expect(collectLinks([
      { slug: 'b', sources: ['https://x.example/1'], checkSources: ['https://x.example/2'] },
      { slug: 'a', sources: ['https://x.example/1'], checkSources: [] },
    ])).toEqual([
      { url: 'https://x.example/1', slugs: ['a', 'b'] },
      { url: 'https://x.example/2', slugs: ['b'] },
    ]);
  });
});
