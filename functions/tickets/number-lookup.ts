import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indexKeyNames } from '../core/table.ts';
import { ticketPartitions } from './keys.ts';

/** The id of the ticket with this number (the reference index, gsi6); shared by the tickets' and the attachments' stores. */
export async function ticketIdOfNumber(db: DynamoDBDocumentClient, tableName: string, number: number): Promise<string | undefined> {
  const { Items = [] } = await db.send(new QueryCommand({
    TableName: tableName, IndexName: 'gsi6', KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': indexKeyNames('gsi6').partitionKey, '#id': 'id' },
    ExpressionAttributeValues: { ':pk': ticketPartitions.byNumber(number) }, ProjectionExpression: '#id',
  }));
  return typeof Items[0]?.id === 'string' ? Items[0].id : undefined;
}
