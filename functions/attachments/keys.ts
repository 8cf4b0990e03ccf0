import { ANY, type KeySpace } from '../core/table.ts';

/**
 * Where attachments live in the table: one partition per ticket, beside (not inside) the ticket's own, holding
 * each attachment and the ticket's counter (files and bytes reserved), the item every upload's conditional
 * write goes through, so the per-ticket limits hold under races.
 */
export const attachmentPartition = (ticketId: string) => `ATTACHMENTS#${ticketId}`;
export const attachmentKey = (ticketId: string, id: string) => ({ pk: attachmentPartition(ticketId), sk: `ATT#${id}` });
export const attachmentCounterKey = (ticketId: string) => ({ pk: attachmentPartition(ticketId), sk: 'COUNTER' });
export const ATTACHMENT_SORT_PREFIX = 'ATT#';

export function attachmentKeySpace(): KeySpace {
  return { module: 'attachments', items: [attachmentKey(ANY, ANY), attachmentCounterKey(ANY)], partitions: {} };
}
