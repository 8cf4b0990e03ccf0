import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { indexKeyNames } from '../core/table.ts';
import { numberIndexKeys, ticketKey } from './keys.ts';

/**
 * A one-off migration: gives every ticket written before the number index existed (gsi6, issue 13) its index keys,
 * so its reference (HD-1005) resolves. Every write of a ticket since sets them (dynamo-store.ts); this finds the
 * ones none has touched since. One Scan of the table, then one conditional write per ticket without the keys
 * (a ticket deleted meanwhile is left alone). Answers how many it indexed. The local server runs it at start on
 * a table it did not create; a deployment holding such tickets would run it once.
 */
export async function indexTicketNumbers(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let indexed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({
      TableName: tableName, ExclusiveStartKey: start,
      FilterExpression: 'sk = :ticket AND begins_with(pk, :prefix) AND attribute_not_exists(#indexed)',
      ProjectionExpression: 'id, #number', ExpressionAttributeNames: { '#number': 'number', '#indexed': indexKeyNames('gsi6').partitionKey },
      ExpressionAttributeValues: { ':ticket': 'TICKET', ':prefix': 'TICKET#' },
    }));
    for (const item of page.Items ?? []) {
      const keys = numberIndexKeys(Number(item.number));
      const written = await conditionally(() => db.send(new UpdateCommand({
        TableName: tableName, Key: ticketKey(String(item.id)), ConditionExpression: 'attribute_exists(pk)',
        UpdateExpression: 'SET #pk = :pk, #sk = :sk', ExpressionAttributeValues: { ':pk': keys.gsi6pk, ':sk': keys.gsi6sk },
        ExpressionAttributeNames: { '#pk': indexKeyNames('gsi6').partitionKey, '#sk': indexKeyNames('gsi6').sortKey },
      })));
      if (written) indexed++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return indexed;
}
