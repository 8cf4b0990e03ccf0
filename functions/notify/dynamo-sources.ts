import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AFTER_EVERY_ID, bookingKey, bookingPartitions, sessionOrder } from '../bookings/keys.ts';
import { queryAll } from '../core/query.ts';
import { ticketFactsIn } from '../events/dynamo-source.ts';
import { bookingFacts } from '../events/facts.ts';
import { ticketPartitions } from '../tickets/keys.ts';
import type { SweepSource } from './sources.ts';

/** Reads the tickets' and bookings' own index partitions through their keys; never a Scan. */
export function dynamoSweepSource(db: DynamoDBDocumentClient, tableName: string): SweepSource {
  const tickets = ticketFactsIn(db, tableName);
  return {
    async ticketsWithRunningClocks() {
      return (await Promise.all(['new', 'open'].map((status) => tickets('gsi2', ticketPartitions.byStatus(status))))).flat();
    },

    async bookedSessionsEndingBetween(from, to) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': bookingPartitions.all('booked'), ':from': sessionOrder(from, AFTER_EVERY_ID), ':to': sessionOrder(to, AFTER_EVERY_ID) },
      });
      return items.map(bookingFacts);
    },

    async getBooking(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: bookingKey(id), ConsistentRead: true }));
      return Item ? bookingFacts(Item) : undefined;
    },
  };
}
