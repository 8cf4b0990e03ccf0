/**
 * The soak benchmark's server: the local server (as `npm start` composes it, notifier on its timers) with the fault
 * layer on its DynamoDB client, in its own process so its memory is measured alone. Driven over IPC by index.ts:
 * `stats` (memory after a GC, faults injected) and `check` (faults off, every repair path
 * run, the table checked by the invariant checker against the mails in the outbox).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dynamoBookingStore } from '../../functions/bookings/dynamo-store.ts';
import { SETTLE_GRACE_MS, settlement } from '../../functions/bookings/settlement.ts';
import { fixedClock } from '../../functions/core/clock.ts';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { injectFaults, type FaultLayer } from '../../test/support/faults.ts';
import { invariantProblems, scanTable } from '../../test/support/invariants.ts';
import { deliveryBacklog } from './backlog.ts';

const dataDir = process.env.DATA_DIR!;
const rate = Number(process.env.FAULT_RATE ?? 0.05);
const seed = Number(process.env.FAULT_SEED ?? 1);
let faults!: FaultLayer;
const server = await startLocalServer({
  port: 0,
  dataDir,
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  tableName: process.env.TABLE_NAME || undefined,
  instrumentDb: (db) => { faults = injectFaults(db, { seed }); },
  // Writes slowed by retries may land well after they were stamped: the feed looks back 30 s, not 5.
  notifications: { sweepMs: 60_000 },
  events: { pollMs: 2_000, overlapMs: 30_000 },
});
const startedAt = new Date().toISOString();
// The observer reads through a client of its own, without faults.
const observer = createDocumentClient({ region: 'local', endpoint: server.dynamoEndpoint });
const gc = (globalThis as { gc?: () => void }).gc;

async function outboxMails(): Promise<Array<{ messageId: string }>> {
  const folder = join(dataDir, 'outbox');
  const names = await readdir(folder).catch(() => [] as string[]);
  const mails = [];
  for (const name of names) {
    const text = await readFile(join(folder, name), 'utf8');
    const match = text.match(/^Message-ID:\s*(\S+)/im);
    if (match?.[1]) mails.push({ messageId: match[1] });
  }
  return mails;
}

async function check() {
  faults.stop();
  // What time alone repairs, without waiting for it: intents older than the grace time are abandoned.
  const later = fixedClock(new Date(Date.now() + SETTLE_GRACE_MS + 1000));
  const bookings = settlement({ store: dynamoBookingStore(observer, server.tableName), clock: later });
  while (await bookings.sweep() > 0) { /* until nothing is left */ }
  await server.events.feed.poll();
  await server.notifications.sweep.run();
  await server.events.feed.poll();
  const items = await scanTable(observer, server.tableName);
  const mails = await outboxMails();
  return { violations: invariantProblems(items, mails, { since: startedAt }), mails: mails.length, ...deliveryBacklog(items) };
}

process.on('message', async (message: { id: number; kind: 'stats' | 'check' }) => {
  try {
    const result = message.kind === 'check'
      ? await check()
      : (gc?.(), { memory: process.memoryUsage(), faults: { attempts: faults.attempts, ...faults.injected } });
    process.send!({ id: message.id, result });
  } catch (error) {
    process.send!({ id: message.id, error: String((error as Error).stack ?? error) });
  }
});
process.on('SIGTERM', async () => { await server.close(); process.exit(0); });
faults.rate = rate;
process.send!({ ready: true, url: server.url });
