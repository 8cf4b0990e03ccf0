import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ticketKey } from './keys.ts';

/**
 * Which organisation a ticket belongs to, read alone (one projected GetItem): what the mentoring desk needs
 * to accept a booking that names a ticket, without carrying the whole tickets store. Read consistently: a
 * ticket opened a moment ago may be named by the booking that follows it.
 */
export function dynamoTicketOwnership(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async orgOf(ticketId: string): Promise<string | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: ticketKey(ticketId), ProjectionExpression: 'orgId', ConsistentRead: true }));
      return typeof Item?.orgId === 'string' ? Item.orgId : undefined;
    },
  };
}
