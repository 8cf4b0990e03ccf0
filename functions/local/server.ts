import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { systemClock, type Clock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createApiApp, problemResponse, type ApiApp } from '../core/http.ts';
import { problems } from '../core/problem.ts';
import { createJwtVerifier } from '../core/identity.ts';
import { createLogger } from '../core/logger.ts';
import { serveOpenApiDocument } from '../core/openapi.ts';
import { API_FUNCTION_NAMES } from '../api-functions.ts';
import { API_DOCS } from '../api-document.ts';
import { API_WIRING } from '../api-wiring.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { outboxRoutes, startLocalNotifications, type LocalNotificationOptions, type LocalNotifications } from '../notify/local.ts';
import { localApiConfig, localNotifyConfig, localTableConfig } from './config.ts';
import { startDynalite } from './dynalite.ts';
import { createLocalIdentityProvider, type LocalIdentityProvider } from './identity-provider.ts';
import { seedDemoData } from './seed.ts';
import { SEED_USERS } from './seed-data.ts';
import { ensureTable } from './table-setup.ts';

export interface LocalServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Where dynalite and the identity key persist; in memory when absent (tests). */
  dataDir?: string;
  /** The built static site to serve at /, when it exists. */
  siteDir?: string;
  seed?: boolean;
  clock?: Clock;
  /** Use this DynamoDB-compatible endpoint instead of starting the embedded one (benchmarks, DynamoDB Local). */
  dynamoEndpoint?: string;
  tableName?: string;
  /** Sees the DynamoDB client before first use: tests and the soak benchmark add their fault layer here. */
  instrumentDb?: (db: DynamoDBDocumentClient) => void;
  /** E-mail notifications: by default timers run only with a data dir (tests drive feed and sweep by hand). */
  notifications?: LocalNotificationOptions;
}

export interface LocalServer {
  url: string;
  port: number;
  api: ApiApp;
  idp: LocalIdentityProvider;
  db: DynamoDBDocumentClient;
  tableName: string;
  dynamoEndpoint: string;
  seeded: boolean;
  /** The change feed, the sweep and the outbox (`/dev/outbox`). */
  notifications: LocalNotifications;
  close(): Promise<void>;
}

async function mountSite(root: Hono, siteDir: string | undefined): Promise<void> {
  if (!siteDir || !existsSync(join(siteDir, 'index.html'))) return;
  const { createSiteApp } = await import('../../site/server.ts');
  root.route('/', createSiteApp(siteDir));
}

/**
 * The whole product on one machine: embedded DynamoDB, local identity provider, the API apps and the site,
 * through the same code paths as in AWS (only the JWKS URL and the DynamoDB endpoint differ).
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const tableName = options.tableName ?? 'support-centre';
  const clock = options.clock ?? systemClock;
  const dynamo = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, close: async () => {} }
    : await startDynalite(options.dataDir ? join(options.dataDir, 'dynamodb') : undefined);
  await ensureTable(dynamo.endpoint, tableName);
  const table = localTableConfig({ tableName, dynamoEndpoint: dynamo.endpoint });
  const db = createDocumentClient({ region: table.region, endpoint: table.dynamoEndpoint });
  options.instrumentDb?.(db);
  const users = dynamoUserDirectory(db, tableName);
  const tickets = dynamoTicketStore(db, tableName);
  const seeded = options.seed === false ? false : await seedDemoData({ db, tableName, users, tickets, now: clock.now() });

  // The port is known only once listening; requests arrive after that, so the app is bound lazily.
  let root: Hono | undefined;
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: (request) => root!.fetch(request), port: options.port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    // Nothing half-started stays behind (the embedded database holds a lock on its folder).
    db.destroy();
    await dynamo.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;

  const idp = await createLocalIdentityProvider({ baseUrl: url, dataDir: options.dataDir, users: async () => SEED_USERS });
  // The same configuration objects a Lambda builds from its environment, from what this server knows.
  const settings = { tableName, dynamoEndpoint: dynamo.endpoint, publicUrl: url };
  const config = localApiConfig(settings, idp);
  const notifyConfig = localNotifyConfig(settings);
  const verifier = createJwtVerifier(config);
  const logger = createLogger('local');
  const notifications = await startLocalNotifications({
    db, tableName, users, clock, sender: notifyConfig.sender, publicUrl: notifyConfig.publicUrl, dataDir: options.dataDir, logger, options: options.notifications,
  });
  const api = createApiApp({ logger, maxBodyBytes: config.maxBodyBytes });
  // Deflections name guides of the site this server shows (the topics when it shows none).
  const siteDir = options.siteDir;
  const isGuide = siteDir && existsSync(join(siteDir, 'guides'))
    ? (slug: string) => existsSync(join(siteDir, 'guides', slug, 'index.html'))
    : undefined;
  // Every function of the manifest, wired as its Lambda entry wires it, on one app.
  for (const name of API_FUNCTION_NAMES) API_WIRING[name].wire(api, { db, tableName, clock, verifier, isGuide });
  serveOpenApiDocument(api, API_DOCS);

  const app = new Hono();
  app.route('/', idp.routes);
  app.route('/', outboxRoutes(notifications.outbox));
  app.route('/', api);
  app.all('/api/*', (c) => problemResponse(problems.notFound(`No route ${c.req.method} ${c.req.path}.`).problem));
  // The web app's runtime configuration (in AWS the deployment writes this file).
  app.get('/config.json', (c) => c.json({ apiUrl: '/api', mode: 'local' }));
  await mountSite(app, options.siteDir);
  root = app;

  return {
    url, port, api, idp, db, tableName, dynamoEndpoint: dynamo.endpoint, seeded, notifications,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notifications.stop();
      db.destroy();
      await dynamo.close();
    },
  };
}
