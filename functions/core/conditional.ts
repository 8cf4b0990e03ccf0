import { GetCommand, PutCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './dynamo.ts';
import { TABLE_KEYS } from './table.ts';
import { isUnavailable } from './unavailable.ts';

/** True when the SDK sent the request more than once: an earlier attempt may have landed unseen. */
export function wasRetried(error: unknown): boolean {
  return ((error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1) > 1;
}

/**
 * Runs a conditional DynamoDB write and reports whether its condition held: false on
 * ConditionalCheckFailedException, any other error is rethrown. The one place that tells "someone else won"
 * from "something broke".
 *
 * An attempt whose outcome the SDK never heard (a timeout or a reset after the write landed) is retried by the SDK,
 * and the retry then fails on the very change it made, or the retries run out and the write may or may not be
 * there. `landed`, asked only then, reads whether the item holds this write; if so the write succeeded.
 */
export async function conditionally(write: () => Promise<unknown>, landed?: () => Promise<boolean>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    const refused = isConditionFailure(error);
    if (!refused && !isUnavailable(error)) throw error;
    const unknown = refused ? wasRetried(error) : true;
    if (landed && unknown && (await landed().catch(() => false))) return true;
    if (refused) return false;
    throw error;
  }
}

/** Stable text of an item: keys sorted, undefined dropped (as the document client stores it). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/**
 * A conditional put of a whole item (create if absent, replace if the version is the one read): true if it was
 * written, also when an earlier attempt of it landed unseen (the item then reads back exactly as put).
 */
export function conditionalPut(db: DynamoDBDocumentClient, input: PutCommandInput & { Item: Record<string, unknown> }): Promise<boolean> {
  return conditionally(() => db.send(new PutCommand(input)), async () => {
    const key = { [TABLE_KEYS.partitionKey]: input.Item[TABLE_KEYS.partitionKey], [TABLE_KEYS.sortKey]: input.Item[TABLE_KEYS.sortKey] };
    const { Item } = await db.send(new GetCommand({ TableName: input.TableName, Key: key, ConsistentRead: true }));
    return Item !== undefined && canonical(Item) === canonical(input.Item);
  });
}
