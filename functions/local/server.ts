import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { systemClock, type Clock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createApiApp, problemResponse, type ApiApp } from '../core/http.ts';
import { problems } from '../core/problem.ts';
import { createJwtVerifier } from '../core/identity.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { serveOpenApiDocument } from '../core/openapi.ts';
import { API_FUNCTION_NAMES } from '../api-functions.ts';
import { API_DOCS } from '../api-document.ts';
import { API_WIRING } from '../api-wiring.ts';
import type { BucketRule } from '../analytics/domain/token-bucket.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { localBlobs } from '../attachments/local-blobs.ts';
import { routingServiceOf } from '../routing/dynamo-service.ts';
import { routingSweep } from '../routing/wiring.ts';
import { outboxRoutes, startLocalNotifications, type LocalNotificationOptions, type LocalNotifications } from '../notify/local.ts';
import { startLocalEvents, type LocalEvents, type LocalEventsOptions } from '../events/local.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../core/config.ts';
import { localApiConfig, localMailTokenSecret, localNotifyConfig, localTableConfig } from './config.ts';
import { composeInboundMail } from '../inbound-mail/compose.ts';
import { DEFAULT_MAX_MAIL_BYTES } from '../inbound-mail/domain/limits.ts';
import { startLocalSmtp, type LocalSmtp } from '../inbound-mail/local.ts';
import { receivingService } from '../inbound-mail/receive.ts';
import { startDynalite } from './dynalite.ts';
import { createLocalIdentityProvider, DEV_SESSION_COOKIE, type LocalIdentityProvider } from './identity-provider.ts';
import { securityHeaders } from '../../site/security-headers.ts';
import { dynamoOrganisationNames } from '../core/organisations.ts';
import { seedDemoData } from './seed.ts';
import { SEED_USERS } from './seed-data.ts';
import { ensureTable } from './table-setup.ts';
import { indexTicketNumbers } from '../tickets/number-index.ts';

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
  /** E-mail notifications: by default the sweep runs on a timer only with a data dir (tests sweep by hand). */
  notifications?: LocalNotificationOptions;
  /** The change feed: by default it polls only with a data dir (tests poll by hand). */
  events?: LocalEventsOptions;
  /**
   * The password-less demo login and the outbox (/api/dev/*, /dev/outbox). By default only on a loopback address;
   * on any other the server refuses to start unless this is given: true (DEV_ROUTES=1) or false (DEV_ROUTES=0).
   */
  devRoutes?: boolean;
  /** Where the server logs (JSON lines on stdout by default). */
  logger?: Logger;
  /** A hosted sign-in origin the CSP allows besides the site's own (browser tests' stand-in for Cognito). */
  signInOrigin?: string;
  /** Reading events one source may send (functions/analytics/config.ts has the default). */
  eventsPerSource?: BucketRule;
  /** The SMTP server of the e-mail channel, on loopback (port 0: a free one); none when absent. */
  smtp?: { port: number; maxMailBytes?: number };
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
  /** The sweep and the outbox (`/dev/outbox`). */
  notifications: LocalNotifications;
  /** The change feed, handing the table's events to notifications. */
  events: LocalEvents;
  /** Routing's sweep (load counters reconciled), which the sweep timer runs; tests run it by hand. */
  routingSweep(): Promise<{ experts: number }>;
  /** Whether the demo login and the outbox are mounted. */
  devRoutes: boolean;
  /** The e-mail channel: its service (what the SMTP server hands mail to) and the SMTP server, when started. */
  inboundMail: ReturnType<typeof receivingService>;
  smtp?: LocalSmtp;
  close(): Promise<void>;
}

/** Whether only this machine can reach an address (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/** The host as it goes into a URL: an IPv6 literal in brackets (http://[::1]:3000), any address the machine's name. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return 'localhost';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The dev routes' guard: anyone who reaches them signs in as anyone and reads everyone's mail. */
function devRoutesWanted(host: string, optIn: boolean | undefined): boolean {
  if (optIn !== undefined) return optIn;
  if (isLoopback(host)) return true;
  throw new Error(`On ${host} anyone who reaches this server could sign in as any demo user without a password and read `
    + 'every e-mail (/api/dev/login, /dev/outbox). Set DEV_ROUTES=1 to accept that, DEV_ROUTES=0 to start without them, '
    + 'or listen on HOST=127.0.0.1.');
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
  const devRoutes = devRoutesWanted(host, options.devRoutes);
  const dynamo = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint, close: async () => {} }
    : await startDynalite(options.dataDir ? join(options.dataDir, 'dynamodb') : undefined);
  const made = await ensureTable(dynamo.endpoint, tableName);
  const table = localTableConfig({ tableName, dynamoEndpoint: dynamo.endpoint });
  const db = createDocumentClient({ region: table.region, endpoint: table.dynamoEndpoint });
  options.instrumentDb?.(db);
  // Data kept from an older version: tickets written before the number index get its keys (their references resolve).
  if (made !== 'created') await indexTicketNumbers(db, tableName);
  const users = dynamoUserDirectory(db, tableName);
  const tickets = dynamoTicketStore(db, tableName);
  const seeded = options.seed === false ? false : await seedDemoData({ db, tableName, users, tickets, now: clock.now() });

  // CloudFront's response headers, from the same definition (plain HTTP here: no HSTS), on every response: also on
  // the 400 for a request Node's adapter cannot even read (a path such as /\evil.com), which never reaches the app.
  const headers = Object.entries(securityHeaders({ signInOrigin: options.signInOrigin, https: false }));
  // A response that sets a stricter one of its own (an attachment's download: its sandbox CSP) keeps it.
  const withSecurityHeaders = (response: Response) => {
    for (const [name, value] of headers) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  };
  const unreadable = (error: unknown) => withSecurityHeaders(problemResponse(error instanceof RequestError
    ? problems.badRequest('That address cannot be read.').problem
    : problems.internal().problem));

  // The port is known only once listening; requests arrive after that, so the app is bound lazily.
  let root: Hono | undefined;
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(getRequestListener((request, env) => root!.fetch(request, env), { hostname: urlHost(host), errorHandler: unreadable }));
    s.once('error', reject);
    s.listen(options.port, bareHost, () => resolve(s));
  }).catch(async (error: unknown) => {
    // Nothing half-started stays behind (the embedded database holds a lock on its folder).
    db.destroy();
    await dynamo.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  const logger = options.logger ?? createLogger('local');

  // The same configuration objects a Lambda builds from its environment, from what this server knows; the identity
  // provider's routes take the API's body limit.
  const idp = await createLocalIdentityProvider({ baseUrl: url, dataDir: options.dataDir, users: async () => SEED_USERS, organisationName: dynamoOrganisationNames(db, tableName), maxBodyBytes: DEFAULT_MAX_BODY_BYTES, logger });
  const settings = { tableName, dynamoEndpoint: dynamo.endpoint, publicUrl: url, mailTokenSecret: localMailTokenSecret(options.dataDir) };
  const config = localApiConfig(settings, idp);
  const notifyConfig = localNotifyConfig(settings);
  const verifier = createJwtVerifier(config);
  // The tickets and routing functions share one routing service here, as one process would: a settings or absence
  // change is seen by the next creation at once. In AWS each Lambda holds its own caches (functions/routing/README.md,
  // "Two functions"). Routing's sweep (counters reconciled) runs on the notifier's timer; in AWS on its own schedule.
  const routing = routingServiceOf({ db, tableName, clock });
  const reconcileCounters = routingSweep({ db, tableName, clock, routing });
  const notifications = await startLocalNotifications({
    db, tableName, users, clock, sender: notifyConfig.sender, publicUrl: notifyConfig.publicUrl, unsubscribeSecret: notifyConfig.unsubscribeSecret,
    channel: notifyConfig.channel, dataDir: options.dataDir, logger, options: options.notifications,
    alongside: reconcileCounters,
  });
  const events = await startLocalEvents({
    db, tableName, clock, consumers: [notifications.consumer], dataDir: options.dataDir, logger, options: options.events,
  });
  const api = createApiApp({ logger, maxBodyBytes: config.maxBodyBytes });
  // Deflections name guides of the site this server shows (the topics when it shows none).
  const siteDir = options.siteDir;
  const isGuide = siteDir && existsSync(join(siteDir, 'guides'))
    ? (slug: string) => existsSync(join(siteDir, 'guides', slug, 'index.html'))
    : undefined;
  // Attachment bytes under DATA_DIR/attachments (a temporary folder, removed on close, when in memory), behind
  // links signed and expiring like S3's presigned ones, verified by the blob routes mounted below.
  const blobRoot = options.dataDir ? join(options.dataDir, 'attachments') : mkdtempSync(join(tmpdir(), 'attachments-'));
  const blobs = localBlobs({ root: blobRoot, baseUrl: url, clock: () => clock.now() });
  // Every function of the manifest, wired as its Lambda entry wires it, on one app (sharing the routing service above).
  for (const name of API_FUNCTION_NAMES) API_WIRING[name].wire(api, { db, tableName, clock, verifier, isGuide, eventsPerSource: options.eventsPerSource, blobs, routing, unsubscribeSecret: notifyConfig.unsubscribeSecret });
  serveOpenApiDocument(api, API_DOCS);
  // The e-mail channel through the same service as in AWS; its answers go where notifications go (the outbox).
  const maxMailBytes = options.smtp?.maxMailBytes ?? DEFAULT_MAX_MAIL_BYTES;
  const inboundMail = receivingService(composeInboundMail({
    db, tableName, clock, blobs, routing, transport: notifications.transport, logger, channel: notifyConfig.channel!, sender: notifyConfig.sender, maxMailBytes,
  }));
  const smtp = options.smtp ? await startLocalSmtp({ port: options.smtp.port, service: inboundMail, domain: notifyConfig.channel!.domain, maxMailBytes, logger }) : undefined;

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    withSecurityHeaders(c.res);
  });
  // Before the others, whose '*' middleware limits bodies to 128 KB: an upload is up to 50 MB (checked there).
  app.route('/', blobs.routes);
  app.route('/', idp.routes);
  if (devRoutes) {
    app.route('/', idp.devRoutes);
    // A browser opening /dev/outbox gets the app's outbox page, a view over this same JSON listing.
    app.get('/dev/outbox', async (c, next) => (c.req.header('accept')?.includes('text/html') ? c.redirect('/app/outbox') : next()));
    app.route('/', outboxRoutes(notifications.outbox, { verifier, sessionCookie: DEV_SESSION_COOKIE }));
  }
  app.route('/', api);
  app.all('/api/*', (c) => problemResponse(problems.notFound(`No route ${c.req.method} ${c.req.path}.`).problem));
  // The web app's runtime configuration (in AWS the deployment writes this file).
  app.get('/config.json', (c) => c.json({ apiUrl: '/api', mode: 'local' }));
  await mountSite(app, options.siteDir);
  root = app;

  return {
    url, port, api, idp, db, tableName, dynamoEndpoint: dynamo.endpoint, seeded, notifications, events, devRoutes, inboundMail, smtp, routingSweep: reconcileCounters,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await smtp?.close();
      await events.stop();
      await notifications.stop();
      db.destroy();
      await dynamo.close();
      if (!options.dataDir) rmSync(blobRoot, { recursive: true, force: true });
    },
  };
}
