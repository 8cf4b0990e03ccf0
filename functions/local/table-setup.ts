import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, waitUntilTableExists, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { KEY_ATTRIBUTES, TABLE_INDEXES, TABLE_KEYS } from '../core/table.ts';

/** Creates the single table with its indexes unless it exists (a second start keeps the data). */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing'> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const indexes: GlobalSecondaryIndex[] = TABLE_INDEXES.map((index) => ({
    IndexName: index.name,
    KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
    Projection: { ProjectionType: 'ALL' },
  }));
  await client.send(new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' }, { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: indexes,
  }));
  // Even with createTableMs 0, dynalite makes the table ACTIVE asynchronously: wait, or the first write may fail.
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.05, maxDelay: 0.2 }, { TableName: tableName });
  client.destroy();
  return 'created';
}
