import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { UserDirectory } from '../core/users.ts';
import { notifier } from './deliver.ts';
import { dynamoNotifyStore } from './dynamo-store.ts';
import { dynamoSources } from './dynamo-sources.ts';
import { changeFeed } from './feed.ts';
import type { Mailbox } from './mime.ts';
import { sweeper } from './sweep.ts';
import type { MailTransport } from './transport.ts';

export interface NotificationsDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  users: UserDirectory;
  clock: Clock;
  transport: MailTransport;
  sender: Mailbox;
  publicUrl: string;
  logger?: Logger;
  /** The local feed's look-back (see changeFeed). */
  overlapMs?: number;
}

/** The notifier's parts over one table: the same composition in Lambda and in the local server. */
export function composeNotifications(deps: NotificationsDeps) {
  const store = dynamoNotifyStore(deps.db, deps.tableName);
  const source = dynamoSources(deps.db, deps.tableName);
  const notify = notifier({ store, users: deps.users, transport: deps.transport, clock: deps.clock, sender: deps.sender, publicUrl: deps.publicUrl, logger: deps.logger });
  return {
    store,
    notify,
    feed: changeFeed({ source, store, notify, clock: deps.clock, overlapMs: deps.overlapMs }),
    sweep: sweeper({ source, store, notify, clock: deps.clock }),
  };
}

export type Notifications = ReturnType<typeof composeNotifications>;
