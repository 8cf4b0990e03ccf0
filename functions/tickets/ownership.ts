import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { indexKeyNames } from '../core/table.ts';
import { numberOfReference } from './domain/model.ts';
import { ticketKey, ticketPartitions } from './keys.ts';

/**
 * Which organisation a ticket belongs to, named by id or by reference (HD-1005, hd-1005, 1005), read alone (one
 * projected GetItem or Query): what the mentoring desk needs to accept a booking that names a ticket, without
 * carrying the whole tickets store. By id, read consistently: a ticket opened a moment ago may be named by the
 * booking that follows it (the reference index, like every GSI, is eventually consistent).
 */
export function dynamoTicketOwnership(db: DynamoDBDocumentClient, tableName: string) {
  const owned = (item: Record<string, unknown> | undefined) =>
    (typeof item?.id === 'string' && typeof item.orgId === 'string' ? { id: item.id, orgId: item.orgId } : undefined);
  return {
    async find(idOrReference: string): Promise<{ id: string; orgId: string } | undefined> {
      const number = numberOfReference(idOrReference);
      if (number === undefined) {
        const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: ticketKey(idOrReference), ProjectionExpression: 'id, orgId', ConsistentRead: true }));
        return owned(Item);
      }
      const { Items = [] } = await db.send(new QueryCommand({
        TableName: tableName, IndexName: 'gsi6', KeyConditionExpression: '#pk = :pk', ProjectionExpression: 'id, orgId',
        ExpressionAttributeNames: { '#pk': indexKeyNames('gsi6').partitionKey }, ExpressionAttributeValues: { ':pk': ticketPartitions.byNumber(number) },
      }));
      return owned(Items[0]);
    },
  };
}
