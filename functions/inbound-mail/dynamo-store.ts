import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { conditionally } from '../core/conditional.ts';
import { TTL_ATTRIBUTE } from '../core/table.ts';
import { receivedMailKey, refusalAnswerKey, replyTokensKey, senderHourKey } from './keys.ts';
import type { InboundStore } from './store.ts';

export function dynamoInboundStore(db: DynamoDBDocumentClient, tableName: string): InboundStore {
  const TableName = tableName;
  return {
    // One conditional write decides which delivery processes the mail (dynalite and DynamoDB alike).
    claimMail: (digest, at, leaseUntil, expiresAt) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: receivedMailKey(digest),
      UpdateExpression: 'SET #state = :processing, leaseUntil = :lease, receivedAt = :at, #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(pk) OR (#state = :processing AND leaseUntil < :at)',
      ExpressionAttributeNames: { '#state': 'state', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':processing': 'processing', ':lease': leaseUntil.toISOString(), ':at': at.toISOString(), ':ttl': expiresAt },
    }))),

    async finishMail(digest, outcome, at) {
      await db.send(new UpdateCommand({
        TableName, Key: receivedMailKey(digest),
        UpdateExpression: 'SET #state = :done, outcome = :outcome, finishedAt = :at REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':outcome': outcome, ':at': at.toISOString() },
      }));
    },

    countSender: (address, hour, limit, expiresAt) => conditionally(() => db.send(new UpdateCommand({
      TableName, Key: senderHourKey(address, hour),
      UpdateExpression: 'ADD mails :one SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(mails) OR mails < :limit',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': expiresAt },
    }))),

    claimRefusalAnswer: (address, day, expiresAt) => conditionally(() => db.send(new PutCommand({
      TableName, Item: { ...refusalAnswerKey(address, day), [TTL_ATTRIBUTE]: expiresAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    }))),

    async tokensNotBefore(userId) {
      const { Item } = await db.send(new GetCommand({ TableName, Key: replyTokensKey(userId), ConsistentRead: true }));
      return typeof Item?.notBefore === 'string' ? Item.notBefore : undefined;
    },

    async withdrawTokens(userId, at) {
      await db.send(new PutCommand({ TableName, Item: { ...replyTokensKey(userId), notBefore: at.toISOString() } }));
    },
  };
}
