import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bookingPartitions } from '../bookings/keys.ts';
import { queryAll } from '../core/query.ts';
import { indexKeyNames, type IndexName } from '../core/table.ts';
import { ticketPartitions } from '../tickets/keys.ts';
import type { TicketFacts } from './domain/events.ts';
import { bookingFacts, TICKET_FACT_ATTRIBUTES, ticketFacts } from './facts.ts';
import { checkpointKey } from './keys.ts';
import type { ChangeSource, CheckpointStore } from './sources.ts';

const ticketProjection = {
  ProjectionExpression: TICKET_FACT_ATTRIBUTES.map((_, i) => `#t${i}`).join(', '),
  names: Object.fromEntries(TICKET_FACT_ATTRIBUTES.map((name, i) => [`#t${i}`, name])),
};

/** The facts of the tickets in one of the tickets' index partitions (tickets/keys.ts), those active since `since` when given (the partitions sort by last activity). */
export function ticketFactsIn(db: DynamoDBDocumentClient, tableName: string) {
  return async (index: IndexName, partition: string, since?: string): Promise<TicketFacts[]> => {
    const { partitionKey, sortKey } = indexKeyNames(index);
    const items = await queryAll(db, {
      TableName: tableName,
      IndexName: index,
      KeyConditionExpression: since ? '#pk = :pk AND #sk >= :since' : '#pk = :pk',
      ProjectionExpression: ticketProjection.ProjectionExpression,
      ExpressionAttributeNames: { ...ticketProjection.names, '#pk': partitionKey, ...(since ? { '#sk': sortKey } : {}) },
      ExpressionAttributeValues: { ':pk': partition, ...(since ? { ':since': since } : {}) },
    });
    return items.map(ticketFacts);
  };
}

/** Reads the tickets' and bookings' own index partitions through their keys; never a Scan. */
export function dynamoChangeSource(db: DynamoDBDocumentClient, tableName: string): ChangeSource {
  const tickets = ticketFactsIn(db, tableName);
  return {
    ticketsChangedSince: (since) => tickets('gsi5', ticketPartitions.all, since),

    async bookingsChangedSince(since) {
      const pages = await Promise.all((['booked', 'cancelled'] as const).map((status) => queryAll(db, {
        TableName: tableName,
        IndexName: 'gsi5',
        KeyConditionExpression: '#pk = :pk AND #sk > :since',
        FilterExpression: 'updatedAt >= :since',
        ExpressionAttributeNames: { '#pk': indexKeyNames('gsi5').partitionKey, '#sk': indexKeyNames('gsi5').sortKey },
        ExpressionAttributeValues: { ':pk': bookingPartitions.all(status), ':since': since },
      })));
      return pages.flat().map(bookingFacts);
    },
  };
}

export function dynamoCheckpoints(db: DynamoDBDocumentClient, tableName: string): CheckpointStore {
  return {
    async getCheckpoint(name) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: checkpointKey(name), ConsistentRead: true }));
      return typeof Item?.value === 'string' ? Item.value : undefined;
    },
    async setCheckpoint(name, value) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...checkpointKey(name), value } }));
    },
  };
}
