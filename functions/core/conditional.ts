import { isConditionFailure } from './dynamo.ts';

/**
 * Runs a conditional DynamoDB write and reports whether its condition held: false on
 * ConditionalCheckFailedException, any other error is rethrown. The one place that tells "someone else won"
 * from "something broke".
 */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
