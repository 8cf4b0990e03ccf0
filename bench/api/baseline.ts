import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { median } from '../lib/stats.ts';

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

/** Runs `operation` from `concurrency` workers for `seconds`: operations per second and latency quantiles. */
export async function throughput(operation: () => Promise<unknown>, options: { concurrency: number; seconds: number }): Promise<Throughput> {
  const latencies: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await operation();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { requestsPerSecond: latencies.length / options.seconds, p50: median(latencies), p99: at(0.99) };
}

/**
 * The storage limit: bare GetItem round trips per second through the same document client the functions use,
 * at the same concurrency as the HTTP load.
 */
export async function getItemThroughput(db: DynamoDBDocumentClient, tableName: string, options: { concurrency: number; seconds: number }): Promise<Throughput> {
  const key = { pk: 'BENCH#baseline', sk: 'ITEM' };
  await db.send(new PutCommand({ TableName: tableName, Item: { ...key, payload: 'x'.repeat(1500) } }));
  return throughput(() => db.send(new GetCommand({ TableName: tableName, Key: key })), options);
}
