import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bookingPartitions } from './keys.ts';

/**
 * The experts' profiles as routing reads them (what each knows, speaks and runs on), in one projected Query of
 * the experts partition: what the tickets function needs to route, without carrying the bookings store.
 */
export function dynamoExpertProfiles(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async list() {
      const profiles: Array<{ id: string; name: string; topics: string[]; languages: string[]; systems: string[] }> = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new QueryCommand({
          TableName: tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': bookingPartitions.experts },
          ProjectionExpression: 'id, #name, expertise, languages, systems', ExpressionAttributeNames: { '#name': 'name' },
          ExclusiveStartKey: start,
        }));
        for (const item of page.Items ?? []) {
          profiles.push({
            id: String(item.id), name: String(item.name),
            topics: (item.expertise as string[] | undefined) ?? [], languages: (item.languages as string[] | undefined) ?? [], systems: (item.systems as string[] | undefined) ?? [],
          });
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return profiles;
    },
  };
}
