import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { repeat } from '../core/repeat.ts';
import type { EventConsumer } from './consumer.ts';
import { dynamoChangeSource, dynamoCheckpoints } from './dynamo-source.ts';
import { changeFeed, type ChangeFeed } from './feed.ts';

export interface LocalEventsOptions {
  /**
   * Change-feed poll interval; 0 runs nothing in the background (tests poll by hand).
   * Default: 2 s with a data dir and 0 without (in memory means a test).
   */
  pollMs?: number;
  /**
   * How far each poll looks back for writes stamped before it but landing after it. Default: 5 s with a data dir,
   * 0 without; longer where writes may take long to land (requests racing a poll in tests, retries under faults).
   */
  overlapMs?: number;
}

export interface LocalEvents {
  feed: ChangeFeed;
  /** Waits for a poll in progress and stops the timer. */
  stop(): Promise<void>;
}

/** The change feed on one machine, handing events to the consumers on a timer (DynamoDB Streams does this in AWS). */
export async function startLocalEvents(deps: {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  consumers: readonly EventConsumer[];
  dataDir?: string;
  logger?: Logger;
  options?: LocalEventsOptions;
}): Promise<LocalEvents> {
  const background = deps.dataDir !== undefined;
  const feed = changeFeed({
    source: dynamoChangeSource(deps.db, deps.tableName),
    checkpoints: dynamoCheckpoints(deps.db, deps.tableName),
    consumers: deps.consumers,
    clock: deps.clock,
    // A real clock: look back a few seconds for writes stamped before a poll but landing after it.
    overlapMs: deps.options?.overlapMs ?? (background ? 5_000 : 0),
  });
  await feed.initialise();
  const pollMs = deps.options?.pollMs ?? (background ? 2_000 : 0);
  return { feed, stop: repeat(pollMs, () => feed.poll(), deps.logger, 'change feed poll') };
}
