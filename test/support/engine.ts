/**
 * Which DynamoDB engine the storage-touching suites run on: `DYNAMO_ENGINE=dynalite` (the default, in each test's
 * own process, no Java) or `DYNAMO_ENGINE=dynamodb-local` (AWS's DynamoDB Local, one per run, started by
 * `global-setup.ts`; each test stack gets its own table on it).
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

export const DYNAMO_ENGINES = ['dynalite', 'dynamodb-local'] as const;
export type DynamoEngine = (typeof DYNAMO_ENGINES)[number];

export function dynamoEngine(env: NodeJS.ProcessEnv = process.env): DynamoEngine {
  const name = env.DYNAMO_ENGINE ?? 'dynalite';
  if (!(DYNAMO_ENGINES as readonly string[]).includes(name)) throw new Error(`DYNAMO_ENGINE must be one of ${DYNAMO_ENGINES.join(', ')}, not "${name}".`);
  return name as DynamoEngine;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local's endpoint, when the run uses it (set by global-setup.ts). */
    dynamoEndpoint: string;
  }
}

export interface EngineTable {
  /** Server options: absent for dynalite (the server starts its own), else the shared engine and a fresh table. */
  options: { dynamoEndpoint?: string; tableName?: string };
  /** Drops the table again (DynamoDB Local keeps every table in memory until the run ends). */
  drop(): Promise<void>;
}

/** Where a test's server keeps its data on the selected engine. */
export function engineTable(): EngineTable {
  if (dynamoEngine() === 'dynalite') return { options: {}, drop: async () => {} };
  const dynamoEndpoint = inject('dynamoEndpoint');
  if (!dynamoEndpoint) throw new Error('DYNAMO_ENGINE=dynamodb-local but no engine was started: run through vitest (test/support/global-setup.ts).');
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
