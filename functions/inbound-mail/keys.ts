import { ANY, type KeySpace } from '../core/table.ts';

/**
 * Where the e-mail channel keeps its bookkeeping in the table: never a ticket, message or attachment (those are
 * written by their own capabilities' services), only what makes the channel safe.
 */
/** One item per received Message-ID: the mail is processed once however often it is delivered. */
export const receivedMailKey = (digest: string) => ({ pk: `INBOUND#MAIL#${digest}`, sk: 'MAIL' });
/** Per sender (lower-case address): mails counted per hour, and the day's one answer to a refused mail. */
export const senderPartition = (address: string) => `INBOUND#SENDER#${address}`;
export const senderHourKey = (address: string, hour: string) => ({ pk: senderPartition(address), sk: `RATE#${hour}` });
export const refusalAnswerKey = (address: string, day: string) => ({ pk: senderPartition(address), sk: `ANSWERED#${day}` });
/** Beside the user's profile: the instant before which every reply address of theirs is void (core/reply-token.ts). */
export const replyTokensKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'MAIL#TOKENS' });

export function inboundMailKeySpace(): KeySpace {
  return {
    module: 'inbound-mail',
    items: [receivedMailKey(ANY), senderHourKey(ANY, ANY), refusalAnswerKey(ANY, ANY), replyTokensKey(ANY)],
    partitions: {},
  };
}
