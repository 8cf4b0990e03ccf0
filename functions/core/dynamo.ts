import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoOptions {
  region: string;
  /** Local endpoint (dynalite); AWS credentials are not checked there, so placeholders are used. */
  endpoint?: string;
}

/**
 * The SDK's retry policy, stated rather than inherited: standard mode (exponential backoff with full jitter from
 * 100 ms, 500 ms after throttling; a client-wide retry quota so an outage is not multiplied by retries) and three
 * attempts in all. It retries throttling (ThrottlingException, ProvisionedThroughputExceededException), 5xx
 * answers (InternalServerError) and transport failures (timeouts, connection resets). A retried conditional write
 * whose first attempt landed unseen fails its own condition: `conditionalPut` (conditional.ts) tells that apart.
 * What is still failing after the last attempt is answered 503 with Retry-After (`isUnavailable`, unavailable.ts).
 */
export const DYNAMO_RETRY = { maxAttempts: 3, retryMode: 'standard' } as const;

export function createDocumentClient({ region, endpoint }: DynamoOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    ...DYNAMO_RETRY,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
