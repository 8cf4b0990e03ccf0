/**
 * A DynamoDB-compatible engine the developer runs themselves (AWS's DynamoDB Local, or a real table's region
 * endpoint), named by DYNAMO_TEST_ENDPOINT. The repository does not ship AWS's DynamoDB Local: its jar is under
 * AWS's own licence terms, not an open-source licence, so whoever runs it downloads it from AWS under those terms.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface RunningEngine {
  endpoint: string;
  close(): Promise<void>;
}

/** The engine at `endpoint` once it answers, or a clear error naming the variable after `timeoutMs`. */
export async function externalEngine(endpoint: string | undefined, { timeoutMs = 10_000 } = {}): Promise<RunningEngine> {
  if (!endpoint) throw new Error('DYNAMO_ENGINE=endpoint needs DYNAMO_TEST_ENDPOINT, e.g. http://127.0.0.1:8000 (see the README).');
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        return { endpoint, close: async () => {} };
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`No DynamoDB engine answers at ${endpoint} (DYNAMO_TEST_ENDPOINT): ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  } finally {
    client.destroy();
  }
}
