import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { TestStack } from './stack.ts';

/** How many items the table holds: tests use it to prove a refused request wrote nothing. */
export async function countItems(stack: TestStack): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await stack.server.db.send(new ScanCommand({ TableName: stack.server.tableName, Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
