// `npm start` with DYNAMODB_ENDPOINT: the first start against an empty engine creates the table and seeds it, a
// second start keeps the data. On the selected engine (DYNAMO_ENGINE): a dynalite of its own, or the engine at DYNAMO_TEST_ENDPOINT.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite } from '../../functions/local/dynalite.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { startLocalServer } from '../../functions/local/server.ts';
import { TABLE_INDEXES } from '../../functions/core/table.ts';
import { engineTable, type EngineTable } from '../support/engine.ts';
import { AS } from '../support/stack.ts';

let endpoint: string;
let tableName: string;
let cleanUp: () => Promise<void>;
beforeAll(async () => {
  const table: EngineTable = engineTable();
  if (table.options.dynamoEndpoint) {
    endpoint = table.options.dynamoEndpoint;
    tableName = table.options.tableName!;
    cleanUp = table.drop;
  } else {
    const own = await startDynalite();
    endpoint = own.endpoint;
    tableName = 'support-centre';
    cleanUp = own.close;
  }
});
afterAll(() => cleanUp?.());

describe('a start against an existing DynamoDB endpoint', () => {
  it('creates the table with its indexes and seeds on the first start, keeps the data on the second', async () => {
    const first = await startLocalServer({ port: 0, seed: true, dynamoEndpoint: endpoint, tableName });
    expect(first.seeded).toBe(true);
    const maria = await first.idp.tokenFor(seedUser(AS.maria));
    const created = await first.api.request('/api/tickets', {
      method: 'POST', headers: { authorization: `Bearer ${maria}`, 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Kept across restarts', body: 'x', category: 'other' }),
    });
    expect(created.status).toBe(201);
    await first.close();

    const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    client.destroy();
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(TABLE_INDEXES.map((index) => index.name));

    const second = await startLocalServer({ port: 0, seed: true, dynamoEndpoint: endpoint, tableName });
    try {
      expect(second.seeded).toBe(false);
      const token = await second.idp.tokenFor(seedUser(AS.maria));
      const list = await (await second.api.request('/api/tickets?limit=50', { headers: { authorization: `Bearer ${token}` } })).json() as { items: Array<{ subject: string }> };
      expect(list.items.map((t) => t.subject)).toContain('Kept across restarts');
      expect(list.items.length).toBeGreaterThan(1);
    } finally {
      await second.close();
    }
  });
});
