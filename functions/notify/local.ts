import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { problemResponse } from '../core/http.ts';
import { bearerToken, type IdentityVerifier } from '../core/identity.ts';
import { problems, ProblemError } from '../core/problem.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { MailChannelConfig } from '../core/config.ts';
import { repeat } from '../core/repeat.ts';
import type { UserDirectory } from '../core/users.ts';
import { composeNotifications, type Notifications } from './compose.ts';
import type { Mailbox } from './mime.ts';
import { createOutbox, recipientOf, type Outbox } from './outbox.ts';
import type { MailTransport } from './transport.ts';

export interface LocalNotificationOptions {
  /** Instead of the outbox (tests: a failing provider). */
  transport?: MailTransport;
  /**
   * Sweep interval (reminders, escalation, retries); 0 runs nothing in the background (tests sweep by hand).
   * Default: 60 s with a data dir and 0 without (in memory means a test).
   */
  sweepMs?: number;
}

export interface LocalNotifications extends Notifications {
  outbox: Outbox;
  /** Where mail goes (the outbox unless a test gave another): also the inbound channel's answers. */
  transport: MailTransport;
  /** Waits for a sweep in progress and stops its timer. */
  stop(): Promise<void>;
}

/**
 * Notifications on one machine: the sweep on a timer, every message an `.eml` file under `DATA_DIR/outbox/`
 * (in memory without a data dir). The local change feed (events/local.ts) hands them events through `consumer`.
 */
export async function startLocalNotifications(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  users: UserDirectory;
  clock: Clock;
  sender: Mailbox;
  publicUrl: string;
  unsubscribeSecret?: string;
  channel?: MailChannelConfig;
  dataDir?: string;
  logger?: Logger;
  options?: LocalNotificationOptions;
  /** Another module's scheduled work, run by the same timer after each sweep (in AWS each has its own schedule). */
  alongside?: () => Promise<unknown>;
}): Promise<LocalNotifications> {
  const outbox = createOutbox(deps.dataDir ? join(deps.dataDir, 'outbox') : undefined);
  const background = deps.dataDir !== undefined;
  const parts = composeNotifications({
    db: deps.db, tableName: deps.tableName, users: deps.users, clock: deps.clock, logger: deps.logger,
    transport: deps.options?.transport ?? outbox,
    sender: deps.sender,
    publicUrl: deps.publicUrl,
    ...(deps.unsubscribeSecret ? { unsubscribeSecret: deps.unsubscribeSecret } : {}),
    channel: deps.channel,
  });
  const sweepMs = deps.options?.sweepMs ?? (background ? 60_000 : 0);
  const alongside = deps.alongside;
  const sweep = () => parts.sweep.run().finally(() => alongside?.().catch((error) => deps.logger?.error('scheduled run failed', { error: error as Error })));
  return { ...parts, outbox, transport: deps.options?.transport ?? outbox, stop: repeat(sweepMs, sweep, deps.logger, 'notification sweep') };
}

/**
 * GET /dev/outbox (the messages, newest last) and GET /dev/outbox/:name (one, as message/rfc822). Local only, and
 * only a signed-in user's own mail (coordinators: everyone's). The token comes as a bearer header, or in the cookie
 * `sessionCookie` the dev login sets for /dev, so a developer signed in to the web app can open the outbox.
 */
export function outboxRoutes(outbox: Outbox, { verifier, sessionCookie }: { verifier: IdentityVerifier; sessionCookie: string }): Hono {
  const app = new Hono();
  const notFound = () => problemResponse(problems.notFound('No such message for you.').problem);
  const readerOf = async (c: Context) => {
    const cookie = getCookie(c, sessionCookie);
    const principal = await verifier.verify(c.req.header('authorization') || !cookie ? bearerToken(c.req.header('authorization')) : cookie);
    return (entry: { to: string }) => principal.role === 'coordinator' || entry.to === principal.email.toLowerCase();
  };
  app.onError((error) => error instanceof ProblemError ? problemResponse(error.problem) : problemResponse(problems.internal().problem));
  app.get('/dev/outbox', async (c) => {
    const mayRead = await readerOf(c);
    const entries = (await outbox.list()).filter(mayRead);
    return c.json({ items: entries.map((entry) => ({ ...entry, url: `/dev/outbox/${entry.name}` })) });
  });
  app.get('/dev/outbox/:name', async (c) => {
    const mayRead = await readerOf(c);
    const content = await outbox.read(c.req.param('name'));
    if (content === undefined || !mayRead({ to: recipientOf(content) })) return notFound();
    return c.body(content, 200, { 'content-type': 'message/rfc822' });
  });
  return app;
}
