import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BlobStorage } from '../attachments/blob-storage.ts';
import { dynamoAttachmentStore } from '../attachments/dynamo-store.ts';
import { messageAttachments } from '../attachments/links.ts';
import { attachmentService } from '../attachments/service.ts';
import type { Clock } from '../core/clock.ts';
import type { MailChannelConfig } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { dynamoOrganisationLanguages } from '../core/organisations.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import type { Mailbox } from '../notify/mime.ts';
import type { MailTransport } from '../notify/transport.ts';
import { routingServiceOf } from '../routing/dynamo-service.ts';
import type { RoutingService } from '../routing/service.ts';
import { dynamoTicketStore } from '../tickets/dynamo-store.ts';
import { ticketService } from '../tickets/service.ts';
import { dynamoInboundStore } from './dynamo-store.ts';
import { inboundMailService } from './service.ts';

export interface InboundMailParts {
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  /** Where attachment bytes go: S3 in AWS, DATA_DIR/attachments locally (the attachments' own adapters). */
  blobs: BlobStorage;
  transport: MailTransport;
  logger: Logger;
  channel: MailChannelConfig;
  sender: Mailbox;
  maxMailBytes: number;
  /** The local server shares its one routing service; a Lambda builds its own. */
  routing?: RoutingService;
}

/**
 * The channel over one table: the tickets' and attachments' own services (a mail passes every rule an API call
 * does, and a new ticket is routed like any other), the same composition in Lambda and in the local server.
 */
export function composeInboundMail(parts: InboundMailParts) {
  const { db, tableName, clock } = parts;
  const users = dynamoUserDirectory(db, tableName);
  const tickets = ticketService({
    store: dynamoTicketStore(db, tableName), users, clock,
    routing: routingServiceOf({ db, tableName, clock, routing: parts.routing }),
    attachments: messageAttachments(db, tableName),
  });
  const attachments = attachmentService({ store: dynamoAttachmentStore(db, tableName), blobs: parts.blobs, clock });
  return inboundMailService({
    store: dynamoInboundStore(db, tableName), users, tickets, attachments, transport: parts.transport, clock,
    logger: parts.logger, channel: parts.channel, sender: parts.sender, maxMailBytes: parts.maxMailBytes,
    organisationLanguage: dynamoOrganisationLanguages(db, tableName),
  });
}
