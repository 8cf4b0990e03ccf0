import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/core/dynamo.ts';

/**
 * The storage limit: bare GetItem round trips per second through the same document client the functions use,
 * at the same concurrency as the HTTP load.
 */
export async function getItemThroughput(endpoint: string, tableName: string, options: { concurrency: number; seconds: number }): Promise<{ requestsPerSecond: number; p50: number; p99: number }> {
  const db = createDocumentClient({ region: 'local', endpoint });
  const key = { pk: 'BENCH#baseline', sk: 'ITEM' };
  await db.send(new PutCommand({ TableName: tableName, Item: { ...key, payload: 'x'.repeat(1500) } }));
  const latencies: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await db.send(new GetCommand({ TableName: tableName, Key: key }));
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  db.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { requestsPerSecond: latencies.length / options.seconds, p50: at(0.5), p99: at(0.99) };
}
