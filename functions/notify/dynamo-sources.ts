import { GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { bookingFacts, TICKET_FACT_ATTRIBUTES, ticketFacts } from './facts.ts';
import type { ChangeSource, SweepSource } from './sources.ts';

/** Reads the tickets' and bookings' own index partitions (see their stores); never a Scan. */
export function dynamoSources(db: DynamoDBDocumentClient, tableName: string): ChangeSource & SweepSource {
  async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  const ticketProjection = {
    ProjectionExpression: TICKET_FACT_ATTRIBUTES.map((_, i) => `#t${i}`).join(', '),
    names: Object.fromEntries(TICKET_FACT_ATTRIBUTES.map((name, i) => [`#t${i}`, name])),
  };

  async function tickets(index: 'gsi2' | 'gsi5', partition: string, since?: string) {
    const items = await queryAll({
      IndexName: index,
      KeyConditionExpression: since ? '#pk = :pk AND #sk >= :since' : '#pk = :pk',
      ProjectionExpression: ticketProjection.ProjectionExpression,
      ExpressionAttributeNames: { ...ticketProjection.names, '#pk': `${index}pk`, ...(since ? { '#sk': `${index}sk` } : {}) },
      ExpressionAttributeValues: { ':pk': partition, ...(since ? { ':since': since } : {}) },
    });
    return items.map(ticketFacts);
  }

  return {
    ticketsChangedSince: (since) => tickets('gsi5', 'TICKETS', since),

    async bookingsChangedSince(since) {
      const partitions = ['BOOKINGS#ALL#booked', 'BOOKINGS#ALL#cancelled'];
      const pages = await Promise.all(partitions.map((partition) => queryAll({
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk > :since',
        FilterExpression: 'updatedAt >= :since',
        ExpressionAttributeValues: { ':pk': partition, ':since': since },
      })));
      return pages.flat().map(bookingFacts);
    },

    async ticketsWithRunningClocks() {
      return (await Promise.all(['new', 'open'].map((status) => tickets('gsi2', `TICKETS#STATUS#${status}`)))).flat();
    },

    async bookedSessionsEndingBetween(from, to) {
      const items = await queryAll({
        IndexName: 'gsi5',
        KeyConditionExpression: 'gsi5pk = :pk AND gsi5sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': 'BOOKINGS#ALL#booked', ':from': `${from}#~`, ':to': `${to}#~` },
      });
      return items.map(bookingFacts);
    },

    async getBooking(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { pk: `BOOKING#${id}`, sk: 'BOOKING' }, ConsistentRead: true }));
      return Item ? bookingFacts(Item) : undefined;
    },
  };
}
