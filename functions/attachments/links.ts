import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../core/principal.ts';
import { violation } from '../core/violation.ts';
import type { MessageAttachments } from '../tickets/service.ts';
import { dynamoAttachmentStore, getAttachment, linkToMessage } from './dynamo-store.ts';

/**
 * The tickets' port for the files a message carries, on the attachments' table items (no blob storage, so the
 * tickets bundle carries no S3 code). A message may carry a file when it is complete, of the same ticket,
 * uploaded by the author, as visible as the message (an internal-note file never goes with a public reply)
 * and not already sent with another message.
 */
export function messageAttachments(db: DynamoDBDocumentClient, tableName: string): MessageAttachments {
  return {
    async link(author: Principal, ticketId: string, attachmentIds: readonly string[], internal: boolean, messageId: string) {
      const found = await Promise.all(attachmentIds.map((id) => getAttachment(db, tableName, ticketId, id)));
      for (const [i, attachment] of found.entries()) {
        const usable = attachment && attachment.status === 'complete' && attachment.uploaderId === author.id
          && attachment.internal === internal && (!attachment.messageId || attachment.messageId === messageId);
        if (!usable) {
          throw violation('attachment.unusable', `The attachment ${attachmentIds[i]} cannot go with this message: send files you attached to this ticket, completed, with a message as visible as they are.`, { field: 'attachmentIds' });
        }
      }
      if (!(await linkToMessage(db, tableName, ticketId, attachmentIds, messageId))) {
        throw violation('attachment.unusable', 'An attachment was removed or sent with another message meanwhile; reload and try again.', { field: 'attachmentIds' });
      }
    },
  };
}

/** The complete, public files a message carries, for the notification mail (names and links only). */
export function messageFiles(db: DynamoDBDocumentClient, tableName: string) {
  const store = dynamoAttachmentStore(db, tableName);
  return async (ticketId: string, messageId: string) => (await store.list(ticketId))
    .filter((a) => a.messageId === messageId && a.status === 'complete' && !a.internal)
    .map((a) => ({ id: a.id, filename: a.filename, size: a.size, text: a.kind === 'text' }));
}
