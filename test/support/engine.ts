/**
 * Which DynamoDB engine the storage-touching suites run on: `DYNAMO_ENGINE=dynalite` (the default, in each test's
 * own process) or `DYNAMO_ENGINE=endpoint` (an engine the developer runs, at DYNAMO_TEST_ENDPOINT, e.g. AWS's
 * DynamoDB Local; checked once by `global-setup.ts`; each test stack gets its own table on it).
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

export const DYNAMO_ENGINES = ['dynalite', 'endpoint'] as const;
export type DynamoEngine = (typeof DYNAMO_ENGINES)[number];

export function dynamoEngine(env: NodeJS.ProcessEnv = process.env): DynamoEngine {
  const name = env.DYNAMO_ENGINE ?? 'dynalite';
  if (!(DYNAMO_ENGINES as readonly string[]).includes(name)) throw new Error(`DYNAMO_ENGINE must be one of ${DYNAMO_ENGINES.join(', ')}, not "${name}".`);
  return name as DynamoEngine;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The external engine's endpoint, when the run uses one (set by global-setup.ts). */
    dynamoEndpoint: string;
  }
}

export interface EngineTable {
  /** Server options: absent for dynalite (the server starts its own), else the shared engine and a fresh table. */
  options: { dynamoEndpoint?: string; tableName?: string };
  /** Drops the table again (an external engine keeps every table until it stops). */
  drop(): Promise<void>;
}

/** Where a test's server keeps its data on the selected engine. */
export function engineTable(): EngineTable {
  if (dynamoEngine() === 'dynalite') return { options: {}, drop: async () => {} };
  const dynamoEndpoint = inject('dynamoEndpoint');
  if (!dynamoEndpoint) throw new Error('DYNAMO_ENGINE=endpoint but no engine was checked: run through vitest (test/support/global-setup.ts).');
  const tableName = `t-${randomUUID()}`;
  return {
    options: { dynamoEndpoint, tableName },
    async drop() {
      const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      try {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
      } finally {
        client.destroy();
      }
    },
  };
}
