import type { ApiApp } from '../core/http.ts';
import type { ApiInfrastructure } from '../core/runtime.ts';
import { registerNotificationRoutes } from './app.ts';
import { dynamoOrganisationLanguages } from '../core/organisations.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { dynamoNotifyStore } from './dynamo-store.ts';
import { dynamoInboundStore } from '../inbound-mail/dynamo-store.ts';

/** The notification routes on the DynamoDB table: the one wiring the Lambda entry and the local server share. */
export interface NotificationsInfrastructure extends ApiInfrastructure {
  /** The key of the one-click unsubscribe links (config.ts); without it they answer 404. */
  unsubscribeSecret?: string;
}

export function wireNotifications(app: ApiApp, { db, tableName, clock, verifier, unsubscribeSecret }: NotificationsInfrastructure): ApiApp {
  const users = dynamoUserDirectory(db, tableName);
  // The instant lives with the e-mail channel, which checks it (functions/inbound-mail/README.md).
  const inbound = dynamoInboundStore(db, tableName);
  const withdrawReplyAddresses = async (userId: string, at: Date) => {
    if (!(await users.get(userId))) return false;
    await inbound.withdrawTokens(userId, at);
    return true;
  };
  return registerNotificationRoutes(app, {
    store: dynamoNotifyStore(db, tableName), clock, verifier, withdrawReplyAddresses,
    users, organisationLanguage: dynamoOrganisationLanguages(db, tableName),
    ...(unsubscribeSecret ? { unsubscribeSecret } : {}),
  });
}
