// Serves a built site (ours or MkDocs') on a free port with the project's static server, and logs
// every response's size as sent (compressed where a .gz copy exists) and when it was ready, so the
// bench can count the bytes a reader downloads before the first search results appear.
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { createSiteApp } from '../../site/server.ts';

export interface SentResponse {
  path: string;
  bytes: number;
  /** epoch milliseconds when the response was ready to send */
  at: number;
}

export interface ServedSite {
  url: string;
  /** responses since the last `clear()` */
  sent: SentResponse[];
  clear(): void;
  close(): Promise<void>;
}

export async function serveSite(rootDir: string): Promise<ServedSite> {
  const sent: SentResponse[] = [];
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const bytes = c.res.body ? (await c.res.clone().arrayBuffer()).byteLength : 0;
    sent.push({ path: c.req.path, bytes, at: Date.now() });
  });
  app.route('/', createSiteApp(rootDir));
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    clear: () => void sent.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
