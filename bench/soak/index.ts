/**
 * Soak: mixed traffic (open, reply, assign, list, book, reschedule, cancel, both organisations) at a steady rate
 * through the local server over HTTP, with storage faults injected at a set rate, for `--minutes` (default 10).
 * Then faults off, the repair paths run and the invariant checker reads the whole table. Prints requests by
 * status, p50/p99 per route, violations (must be 0), the server's heap and RSS over time and the notifier's
 * backlog. Loopback only; stops by itself.
 *
 *   npm run bench:soak -- --minutes 10 [--rate 8] [--faults 0.05] [--seed 1] [--engine dynalite|endpoint] (endpoint: the engine at DYNAMO_TEST_ENDPOINT)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { table } from '../lib/stats.ts';
import { freePort, repoRoot, startProcess, stop } from '../lib/processes.ts';
import { externalEngine, type RunningEngine } from '../../test/support/external-engine.ts';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { seededRandom } from '../../test/support/faults.ts';
import { scanTable } from '../../test/support/invariants.ts';
import { deliveryBacklog } from './backlog.ts';
import { newTrafficLog, trafficOf, type Call } from '../../test/support/traffic.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '8' },
    faults: { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
    engine: { type: 'string', default: 'dynalite' },
    'max-in-flight': { type: 'string', default: '32' },
  },
});
const minutes = Number(args.minutes);
const rate = Number(args.rate);
const faultRate = Number(args.faults);
const seed = Number(args.seed);
const maxInFlight = Number(args['max-in-flight']);
/** Memory may grow this much from one minute in (warm) to the end, and no more. */
const HEAP_BOUND = 1.3;
const RSS_BOUND_MB = 64;

interface Stats {
  memory: NodeJS.MemoryUsage;
  backlog: ReturnType<typeof deliveryBacklog>;
  faults: Record<string, number>;
}

function serverProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; ask<T>(kind: 'stats' | 'check'): Promise<T> }> {
  const child = fork(join(repoRoot, 'bench/soak/server.ts'), [], {
    cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'ERROR', ...env }, execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`soak server exited with ${code}`)));
    child.on('message', (message: any) => {
      if (message.ready) {
        resolve({
          child, url: message.url,
          ask: (kind) => new Promise((res, rej) => { const id = next++; waiting.set(id, { resolve: res, reject: rej }); child.send({ id, kind }); }),
        });
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    });
  });
}

async function dynaliteProcess(path: string): Promise<RunningEngine> {
  const port = await freePort();
  const child = await startProcess(process.execPath, [join(repoRoot, 'node_modules/dynalite/cli.js'), '--port', String(port), '--host', '127.0.0.1', '--createTableMs', '0', '--path', path], {}, /listening/i);
  return { endpoint: `http://127.0.0.1:${port}`, close: () => stop(child) };
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const dataDir = mkdtempSync(join(tmpdir(), 'soak-'));
let engine: RunningEngine | undefined;
let server: Awaited<ReturnType<typeof serverProcess>> | undefined;
try {
  // The database runs in a process of its own, as in AWS, so the server's memory is the API's and the notifier's.
  if (args.engine === 'endpoint') engine = await externalEngine(process.env.DYNAMO_TEST_ENDPOINT);
  else if (args.engine === 'dynalite') engine = await dynaliteProcess(join(dataDir, 'dynamodb'));
  else throw new Error('--engine is dynalite or endpoint');
  server = await serverProcess({ DATA_DIR: dataDir, FAULT_RATE: String(faultRate), FAULT_SEED: String(seed), DYNAMODB_ENDPOINT: engine.endpoint, TABLE_NAME: 'soak' });
  const { url } = server;
  console.log(`Soak: ${minutes} min at ${rate} operations/s (at most ${maxInFlight} in flight), faults on ${(faultRate * 100).toFixed(1)} % of DynamoDB attempts (seed ${seed}), engine ${args.engine}, server ${url}`);

  const tokens = new Map<string, string>();
  const token = async (email: string) => {
    if (!tokens.has(email)) {
      const response = await fetch(`${url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      tokens.set(email, ((await response.json()) as { token: string }).token);
    }
    return tokens.get(email)!;
  };
  const call: Call = async (method, path, { as, body, headers = {} } = {}) => fetch(`${url}${path}`, {
    method,
    headers: { ...(as ? { authorization: `Bearer ${await token(as)}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // Allowances high enough that booking traffic runs all along (the allowance rule itself is still checked).
  for (const org of ['aurora-ai', 'basalt-labs']) await call('PUT', `/api/orgs/${org}/allowance`, { as: 'coord@support.example', body: { minutes: 100_000 } });

  const log = newTrafficLog();
  const traffic = trafficOf({ call, log, random: seededRandom(seed), now: () => new Date() });
  const samples: Array<{ at: number } & Stats> = [];
  // The backlog is read here, not in the server, so the scan's buffers never count in the server's memory.
  const observer = createDocumentClient({ region: 'local', endpoint: engine.endpoint });
  const sample = async () => {
    const at = Date.now();
    const backlog = deliveryBacklog(await scanTable(observer, 'soak'));
    samples.push({ at, ...(await server!.ask<Omit<Stats, 'backlog'>>('stats')), backlog });
  };
  await sample();

  const started = Date.now();
  const end = started + minutes * 60_000;
  let inFlight = 0;
  let launched = 0;
  let skipped = 0;
  let failures = 0;
  const running = new Set<Promise<void>>();
  let nextSample = started + 60_000;
  while (Date.now() < end) {
    const due = started + (launched + skipped) * (1000 / rate);
    if (Date.now() < due) {
      await new Promise((r) => setTimeout(r, Math.min(50, due - Date.now())));
      continue;
    }
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    launched++;
    inFlight++;
    const op: Promise<void> = traffic.next().catch(() => { failures++; }).finally(() => { inFlight--; running.delete(op); });
    running.add(op);
    if (Date.now() >= nextSample) {
      nextSample += 60_000;
      void sample();
      const elapsed = ((Date.now() - started) / 60_000).toFixed(0);
      console.log(`  ${elapsed} min: ${launched} operations, ${[...log.statuses.values()].reduce((a, b) => a + b, 0)} requests`);
    }
  }
  await Promise.all(running);
  await sample();
  const check = await server.ask<{ violations: string[]; mails: number } & Stats['backlog']>('check');

  const statuses = [...log.statuses.entries()].sort(([a], [b]) => a - b);
  const total = statuses.reduce((sum, [, n]) => sum + n, 0);
  console.log(`\n${launched} operations (${skipped} skipped: ${maxInFlight} in flight), ${total} requests in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failures} operations threw in the client`);
  console.log(`\nRequests by status\n${table(['status', 'requests', 'share'], statuses.map(([status, n]) => [status, n, `${((n / total) * 100).toFixed(2)} %`]))}`);
  const routes = [...log.latencies.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(`\nLatency per route (ms, every try)\n${table(['route', 'requests', 'p50', 'p99'], routes.map(([route, ms]) => [route, ms.length, percentile(ms, 50).toFixed(1), percentile(ms, 99).toFixed(1)]))}`);
  const last = samples[samples.length - 1]!;
  const faults = last.faults;
  console.log(`\nFaults injected: ${faultSummary(faults)}`);
  console.log(`\nServer memory and notifier backlog (after a GC), per minute\n${table(['min', 'heap MB', 'RSS MB', 'items', 'deliveries', 'not sent', 'checkpoint age s'], samples.map((s) => [
    ((s.at - started) / 60_000).toFixed(1), mb(s.memory.heapUsed), mb(s.memory.rss), s.backlog.items, s.backlog.deliveries, s.backlog.notSent,
    s.backlog.feedLagMs === undefined ? '-' : (s.backlog.feedLagMs / 1000).toFixed(1),
  ]))}`);
  const warm = samples.find((s) => s.at >= started + 60_000) ?? samples[0]!;
  const heapOk = last.memory.heapUsed <= warm.memory.heapUsed * HEAP_BOUND;
  const rssOk = last.memory.rss <= warm.memory.rss + RSS_BOUND_MB * 1_048_576;
  console.log('(checkpoint age: how far behind now the change feed resumes; it includes its 30 s look-back)');
  console.log(`\nMemory bound (from 1 min in to the end): heap at most x${HEAP_BOUND} (${mb(warm.memory.heapUsed)} -> ${mb(last.memory.heapUsed)} MB: ${heapOk ? 'ok' : 'EXCEEDED'}), RSS at most +${RSS_BOUND_MB} MB (${mb(warm.memory.rss)} -> ${mb(last.memory.rss)} MB: ${rssOk ? 'ok' : 'EXCEEDED'})`);
  console.log(`Notifier after the run: ${check.deliveries} deliveries, ${check.notSent} not sent, ${check.mails} mails in the outbox`);
  console.log(`Client-visible defects (500s, 503 without Retry-After): ${log.defects.length}${log.defects.length ? `\n  ${log.defects.slice(0, 10).join('\n  ')}` : ''}`);
  console.log(`Invariant violations: ${check.violations.length}${check.violations.length ? `\n  ${check.violations.slice(0, 20).join('\n  ')}` : ''}`);
  process.exitCode = check.violations.length || log.defects.length || !heapOk || !rssOk ? 1 : 0;
} finally {
  if (server) await new Promise<void>((resolve) => { server!.child.once('exit', () => resolve()); server!.child.kill('SIGTERM'); });
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function faultSummary(faults: Record<string, number>): string {
  const { attempts, ...kinds } = faults;
  const injected = Object.values(kinds).reduce((a, b) => a + b, 0);
  return `${injected} of ${attempts} DynamoDB attempts (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')})`;
}
