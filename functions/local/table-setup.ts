import {
  BatchWriteItemCommand, CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException, ScanCommand,
  waitUntilTableExists, waitUntilTableNotExists, type AttributeValue, type GlobalSecondaryIndex, type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { KEY_ATTRIBUTES, TABLE_INDEXES, TABLE_KEYS } from '../core/table.ts';

/**
 * Creates the single table with its indexes unless it exists (a second start keeps the data). A table made by an
 * older version that lacks an index the code now queries (gsi6, the ticket numbers, came with issue 13) is made
 * again with every index and its items written back: dynalite cannot add an index to a table (UpdateTable's
 * `Create` is refused), and a missing index would turn every query on it into a 500.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing' | 'rebuilt'> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    const existing = await describe(client, tableName);
    if (!existing) {
      await createTable(client, tableName);
      return 'created';
    }
    const missing = TABLE_INDEXES.filter((index) => !existing.GlobalSecondaryIndexes?.some((present) => present.IndexName === index.name));
    if (missing.length === 0) return 'existing';
    const items = await scanAll(client, tableName);
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    await waitUntilTableNotExists({ client, maxWaitTime: 30, minDelay: 0.05, maxDelay: 0.2 }, { TableName: tableName });
    await createTable(client, tableName);
    await writeAll(client, tableName, items);
    return 'rebuilt';
  } finally {
    client.destroy();
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
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
}

async function scanAll(client: DynamoDBClient, tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function writeAll(client: DynamoDBClient, tableName: string, items: Record<string, AttributeValue>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
      requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}
