// Data kept from an older version (`npm start` keeps DATA_DIR): a table made before the number index (gsi6) existed,
// holding a ticket written without its keys. The server makes the table again with every index and indexes the
// ticket, so its reference resolves instead of every reference lookup failing on the missing index.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_ATTRIBUTES, TABLE_INDEXES, TABLE_KEYS } from '../../functions/core/table.ts';
import { startDynalite, type EmbeddedDynamo } from '../../functions/local/dynalite.ts';
import { ticketKey, ticketPartitions, ticketOrder } from '../../functions/tickets/keys.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

const TABLE = 'support-centre-older';
const at = '2026-11-27T09:00:00.000Z';
/** A ticket as the first version wrote it: gsi1 to gsi5, no gsi6 keys. */
const olderTicket = {
  ...ticketKey('t-older'), id: 't-older', number: 1042, reference: 'HD-1042', orgId: 'aurora-ai', requesterId: 'u-maria', requesterName: 'María Ortega',
  subject: 'Written by the first version', body: 'Before references worked everywhere.', category: 'other', priority: 'normal', status: 'new',
  assigneeId: null, assigneeName: null, createdAt: at, updatedAt: at, lastActivityAt: at, messageCount: 0, version: 1,
  events: [{ at, type: 'created', actorId: 'u-maria', actorName: 'María Ortega' }],
  gsi1pk: ticketPartitions.byOrg('aurora-ai'), gsi1sk: ticketOrder(at, 't-older'),
  gsi2pk: ticketPartitions.byStatus('new'), gsi2sk: ticketOrder(at, 't-older'),
  gsi3pk: ticketPartitions.byAssignee('none'), gsi3sk: ticketOrder(at, 't-older'),
  gsi5pk: ticketPartitions.all, gsi5sk: ticketOrder(at, 't-older'),
};

let dynamo: EmbeddedDynamo;
let stack: TestStack;
beforeAll(async () => {
  dynamo = await startDynalite();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await client.send(new CreateTableCommand({
    TableName: TABLE, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: KEY_ATTRIBUTES.filter((name) => !name.startsWith('gsi6')).map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [{ AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' }, { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: TABLE_INDEXES.filter((index) => index.name !== 'gsi6').map((index) => ({
      IndexName: index.name, Projection: { ProjectionType: 'ALL' },
      KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
    })),
  }));
  await new Promise((resolve) => setTimeout(resolve, 100));
  await DynamoDBDocumentClient.from(client).send(new PutCommand({ TableName: TABLE, Item: olderTicket }));
  client.destroy();
  stack = await startTestStack({ dynamoEndpoint: dynamo.endpoint, tableName: TABLE, seed: false });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await dynamo?.close();
});

describe('a table kept from before the number index', () => {
  it('is made again with every index, its ticket kept and found by its reference in every form', async () => {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
    client.destroy();
    expect(Table!.GlobalSecondaryIndexes!.map((index) => index.IndexName).sort()).toEqual(TABLE_INDEXES.map((index) => index.name).sort());
    for (const reference of ['HD-1042', 'hd-1042', '1042']) {
      const response = await stack.call('GET', `/api/tickets/${reference}`, { as: AS.maria });
      expect(response.status, reference).toBe(200);
      expect(await response.json()).toMatchObject({ id: 't-older', subject: olderTicket.subject });
    }
    const found = await (await stack.call('GET', '/api/tickets?q=HD-1042', { as: AS.coord })).json();
    expect(found.items.map((t: { id: string }) => t.id)).toEqual(['t-older']);
    // Another organisation's reference stays "not found".
    expect((await stack.call('GET', '/api/tickets/HD-1042', { as: AS.lea })).status).toBe(404);
  });
});
