import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../core/clock.ts';
import type { EventConsumer } from '../events/consumer.ts';
import type { Logger } from '../core/logger.ts';
import type { MailChannelConfig } from '../core/config.ts';
import type { UserDirectory } from '../core/users.ts';
import { cachedOrganisationNames, dynamoOrganisationNames } from '../core/organisations.ts';
import { shortLived } from '../routing/cache.ts';
import { dynamoRoutingStore } from '../routing/dynamo-store.ts';
import { readRules } from '../routing/rules.ts';
import { notifier } from './deliver.ts';
import { messageFiles } from '../attachments/links.ts';
import { dynamoNotifyStore } from './dynamo-store.ts';
import { ticketConversation } from './conversation.ts';
import { dynamoOrganisationLanguages } from '../core/organisations.ts';
import { dynamoSweepSource } from './dynamo-sources.ts';
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
  /** Signs the one-click unsubscribe links (notify/unsubscribe.ts). */
  unsubscribeSecret?: string;
  logger?: Logger;
  channel?: MailChannelConfig;
}

/**
 * The notifier's parts over one table: the same composition in Lambda and in the local server. `consumer` is
 * what the stream handler and the local change feed (functions/events) hand the table's events to.
 */
export function composeNotifications(deps: NotificationsDeps) {
  const store = dynamoNotifyStore(deps.db, deps.tableName);
  // The sweep reads the settings every run: a minute's cache keeps it to one read. An acknowledgement states the
  // due time the ticket page shows, so it reads them fresh (one GetItem per mail): cached, a coordinator's change
  // of targets left acknowledgements promising the old due time for a minute after it.
  const freshSlaRules = () => readRules(dynamoRoutingStore(deps.db, deps.tableName));
  const slaRules = shortLived(60_000, freshSlaRules);
  const notify = notifier({
    store, users: deps.users, transport: deps.transport, clock: deps.clock, sender: deps.sender, publicUrl: deps.publicUrl, logger: deps.logger,
    slaRules: freshSlaRules,
    filesOf: messageFiles(deps.db, deps.tableName),
    conversationOf: ticketConversation(deps.db, deps.tableName),
    organisationLanguage: dynamoOrganisationLanguages(deps.db, deps.tableName),
    ...(deps.unsubscribeSecret ? { unsubscribeSecret: deps.unsubscribeSecret } : {}),
    channel: deps.channel,
    organisationName: cachedOrganisationNames(dynamoOrganisationNames(deps.db, deps.tableName)),
  });
  const consumer: EventConsumer = { name: 'notify', handle: (events) => notify.handle(events) };
  return {
    store,
    notify,
    consumer,
    sweep: sweeper({
      source: dynamoSweepSource(deps.db, deps.tableName), store, notify, clock: deps.clock, slaRules: () => slaRules.get(),
      absences: async () => new Map((await dynamoRoutingStore(deps.db, deps.tableName).roster()).map((entry) => [entry.expertId, entry.absences])),
    }),
  };
}

export type Notifications = ReturnType<typeof composeNotifications>;
