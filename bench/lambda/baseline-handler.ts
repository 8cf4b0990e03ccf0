/**
 * The benchmark's baseline: the least a Hono API on Lambda with DynamoDB needs, one route doing one GetItem
 * through the document client. A function's bundle and cold start are compared with this.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
const tableName = process.env.TABLE_NAME ?? 'support-centre';

const app = new Hono();
app.get('/api/items/:id', async (c) => {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `ITEM#${c.req.param('id')}`, sk: 'ITEM' } }));
  return Item ? c.json(Item) : c.json({ title: 'Not found', status: 404 }, 404);
});

export const handler = handle(app);
