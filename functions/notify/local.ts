import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { UserDirectory } from '../core/users.ts';
import { composeNotifications, type Notifications } from './compose.ts';
import type { Mailbox } from './mime.ts';
import { createOutbox, type Outbox } from './outbox.ts';
import type { MailTransport } from './transport.ts';

export interface LocalNotificationOptions {
  /** Instead of the outbox (tests: a failing provider). */
  transport?: MailTransport;
  /**
   * Change-feed poll interval; 0 runs nothing in the background (tests drive feed and sweep by hand).
   * Default: 2 s with a data dir and 0 without (in memory means a test).
   */
  pollMs?: number;
  /** Sweep interval (reminders, escalation, retries); 0 for none. Default: 60 s / 0 as above. */
  sweepMs?: number;
  /**
   * How far each poll looks back for writes stamped before it but landing after it. Default: 5 s with a data dir,
   * 0 without; longer where writes may take long to land (requests racing a poll in tests, retries under faults).
   */
  overlapMs?: number;
}

export interface LocalNotifications extends Notifications {
  outbox: Outbox;
  /** Waits for a run in progress and stops the timers. */
  stop(): Promise<void>;
}

/** A timer that never overlaps its own runs and can be stopped after the run in flight. */
function repeat(everyMs: number, run: () => Promise<unknown>, logger?: Logger) {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = everyMs > 0 ? setInterval(() => {
    current = current.then(() => (stopped ? undefined : run())).catch((error) => logger?.error('notification run failed', { error: error as Error }));
  }, everyMs) : undefined;
  timer?.unref();
  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await current;
  };
}

/**
 * Notifications on one machine: the change feed and the sweep on timers, every message an `.eml` file under
 * `DATA_DIR/outbox/` (in memory without a data dir).
 */
export async function startLocalNotifications(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  users: UserDirectory;
  clock: Clock;
  sender: Mailbox;
  publicUrl: string;
  dataDir?: string;
  logger?: Logger;
  options?: LocalNotificationOptions;
}): Promise<LocalNotifications> {
  const outbox = createOutbox(deps.dataDir ? join(deps.dataDir, 'outbox') : undefined);
  const background = deps.dataDir !== undefined;
  const parts = composeNotifications({
    db: deps.db, tableName: deps.tableName, users: deps.users, clock: deps.clock, logger: deps.logger,
    transport: deps.options?.transport ?? outbox,
    sender: deps.sender,
    publicUrl: deps.publicUrl,
    // A real clock: look back a few seconds for writes stamped before a poll but landing after it.
    overlapMs: deps.options?.overlapMs ?? (background ? 5_000 : 0),
  });
  await parts.feed.initialise();
  const pollMs = deps.options?.pollMs ?? (background ? 2_000 : 0);
  const sweepMs = deps.options?.sweepMs ?? (background ? 60_000 : 0);
  const stopFeed = repeat(pollMs, () => parts.feed.poll(), deps.logger);
  const stopSweep = repeat(sweepMs, () => parts.sweep.run(), deps.logger);
  return {
    ...parts,
    outbox,
    async stop() {
      await Promise.all([stopFeed(), stopSweep()]);
    },
  };
}

/** GET /dev/outbox (the messages, newest last) and GET /dev/outbox/:name (one, as message/rfc822). Local only. */
export function outboxRoutes(outbox: Outbox): Hono {
  const app = new Hono();
  app.get('/dev/outbox', async (c) => {
    const entries = await outbox.list();
    return c.json({ items: entries.map((entry) => ({ ...entry, url: `/dev/outbox/${entry.name}` })) });
  });
  app.get('/dev/outbox/:name', async (c) => {
    const content = await outbox.read(c.req.param('name'));
    if (content === undefined) return c.json({ type: '/problems/not-found', title: 'Not found', status: 404 }, 404);
    return c.body(content, 200, { 'content-type': 'message/rfc822' });
  });
  return app;
}
