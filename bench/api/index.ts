/**
 * API benchmark: the local server under autocannon at 50 connections, against the storage limit
 * (bare GetItem round trips through the same DynamoDB client), all in one run.
 * dynalite, the server and the load generator run as three processes, as in AWS storage is not the API's process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, table } from '../lib/stats.ts';
import { freePort, repoRoot, startProcess, stop } from '../lib/processes.ts';
import { createDocumentClient } from '../../functions/core/dynamo.ts';
import { getItemThroughput, throughput, type Throughput } from './baseline.ts';
import { load, type LoadResult } from './load.ts';
import { bookingScenarios, ticketScenarios, type BenchContext, type Scenario } from './scenarios.ts';
import { runSlotBench } from './slots.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TABLE = 'support-centre';

export async function runApiBench(scenarios: Scenario[] = [...ticketScenarios, ...bookingScenarios]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const dynamoPort = await freePort();
  const apiPort = await freePort();
  const endpoint = `http://127.0.0.1:${dynamoPort}`;
  const dynamo = await startProcess(process.execPath, [join(repoRoot, 'node_modules/dynalite/cli.js'), '--port', String(dynamoPort), '--host', '127.0.0.1', '--createTableMs', '0'], {}, /listening/i);
  const server = await startProcess(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], {
    PORT: String(apiPort), DATA_DIR: dataDir, DYNAMODB_ENDPOINT: endpoint, SITE_DIR: join(dataDir, 'no-site'), LOG_LEVEL: 'ERROR', NOTIFY_POLL_MS: '0', NOTIFY_SWEEP_MS: '0',
  }, /is running at/);
  try {
    const url = `http://127.0.0.1:${apiPort}`;
    const tokens = new Map<string, string>();
    const context: BenchContext = {
      url,
      async request(method, path, { token, body } = {}) {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
        return response.json();
      },
      async token(email) {
        if (!tokens.has(email)) tokens.set(email, (await context.request('POST', '/api/dev/login', { body: { email } })).token);
        return tokens.get(email)!;
      },
    };
    const prepared = [];
    for (const scenario of scenarios) prepared.push(await scenario.prepare(context));
    const db = createDocumentClient({ region: 'local', endpoint });
    const storageWork = prepared.map((p) => p.storageWork?.(db, TABLE));
    const limitRuns: Throughput[] = [];
    const runs = scenarios.map(() => [] as LoadResult[]);
    const storageRuns = scenarios.map(() => [] as number[]);
    const options = { concurrency: CONNECTIONS, seconds: SECONDS };
    console.log(`API benchmark: ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${ROUNDS} rounds (medians below)\n`);
    // Rounds interleave the scenarios and the storage limit so drift on a shared machine hits all alike; every other
    // round runs them in reverse order, so no scenario always follows the same one.
    for (let round = 0; round < ROUNDS; round++) {
      limitRuns.push(await getItemThroughput(db, TABLE, options));
      const order = [...prepared.entries()];
      for (const [i, { request, before }] of round % 2 ? order.reverse() : order) {
        await before?.();
        runs[i]!.push(await load(url, request, { connections: CONNECTIONS, seconds: SECONDS }));
        const work = storageWork[i];
        if (work) storageRuns[i]!.push((await throughput(work, options)).requestsPerSecond);
      }
    }
    db.destroy();
    const limit = median(limitRuns.map((r) => r.requestsPerSecond));
    const rows = scenarios.map((scenario, i) => {
      const rps = median(runs[i]!.map((r) => r.requestsPerSecond));
      const p50 = median(runs[i]!.map((r) => r.p50));
      const p99 = median(runs[i]!.map((r) => r.p99));
      const ceiling = limit / scenario.dynamoCalls;
      const ratio = rps / ceiling;
      const failures = runs[i]!.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
      const ok = ratio >= 0.5 && p99 <= 50 && failures === 0;
      const storage = storageRuns[i]!.length ? median(storageRuns[i]!) : undefined;
      return [
        scenario.name, rps.toFixed(0), p50.toFixed(1), p99.toFixed(1), scenario.dynamoCalls, ceiling.toFixed(0), ratio.toFixed(2),
        storage ? storage.toFixed(0) : 'n/a', storage ? (rps / storage).toFixed(2) : 'n/a', failures, ok ? 'yes' : 'NO',
      ];
    });
    console.log(`Storage limit (bare GetItem, same client, ${CONNECTIONS} in flight): ${limit.toFixed(0)} req/s, `
      + `p50 ${median(limitRuns.map((r) => r.p50)).toFixed(1)} ms, p99 ${median(limitRuns.map((r) => r.p99)).toFixed(1)} ms\n`);
    console.log(table(['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'DDB calls', 'ceiling', 'ratio', 'same storage work/s', 'vs storage', 'non-2xx', 'target met'], rows));
    const creates = ['POST /api/tickets (create, routing off)', 'POST /api/tickets (create, routed)'].map((name) => scenarios.findIndex((s) => s.name === name));
    if (creates.every((i) => i >= 0)) {
      const [off, on] = creates.map((i) => median(runs[i]!.map((r) => r.requestsPerSecond)));
      const routedRatio = on! / off!;
      // Each round's two measurements are minutes apart at most, adjacent in every other round: their ratio is the
      // least touched by the machine's drift (other work on a shared machine moves both alike).
      const perRound = runs[creates[1]!]!.map((r, round) => r.requestsPerSecond / runs[creates[0]!]![round]!.requestsPerSecond);
      console.log(`\nRouted creation vs routing off, same run: ${on!.toFixed(0)} / ${off!.toFixed(0)} req/s = ${routedRatio.toFixed(2)} (target >= 0.8: ${routedRatio >= 0.8 ? 'met' : 'NOT met'}); `
        + `per round ${perRound.map((r) => r.toFixed(2)).join(', ')}, median ${median(perRound).toFixed(2)}`);
    }
    console.log('\nTarget: ratio = req/s ÷ (limit ÷ DDB calls) ≥ 0.5, p99 ≤ 50 ms, no failures.');
    console.log('"same storage work/s": the DynamoDB calls one request makes, done directly through the same store code at the same');
    console.log('concurrency; "vs storage" = req/s ÷ that, i.e. what HTTP, tokens, validation and JSON leave of the storage throughput.');
  } finally {
    await stop(server);
    await stop(dynamo);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runApiBench();
  const slots = runSlotBench();
  console.log(`\nSlot generation (pure function), ${slots.rangeDays}-day range, ${slots.slots} slots, ${slots.runs} runs: `
    + `median ${slots.medianMs.toFixed(2)} ms, p95 ${slots.p95Ms.toFixed(2)} ms (target median <= ${slots.targetMs} ms: ${slots.met ? 'met' : 'NOT met'})`);
}
