import { s3Blobs } from '../attachments/s3-blobs.ts';
import { systemClock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { s3Bucket } from '../core/s3-bucket.ts';
import { createLogger } from '../core/logger.ts';
import { credentialsFromEnvironment } from '../core/sigv4.ts';
import { sesClient } from '../notify/ses-client.ts';
import { sesTransport } from '../notify/ses-transport.ts';
import { composeInboundMail } from './compose.ts';
import { inboundMailConfig } from './config.ts';
import { decodeHandoff, PARSED_MAIL_PREFIX } from './handoff.ts';

const config = inboundMailConfig();
const logger = createLogger('inbound-mail');
const credentials = () => credentialsFromEnvironment();
const mailBucket = s3Bucket({ bucket: config.rawMailBucket, region: config.region, credentials, endpoint: config.s3Endpoint });
const service = composeInboundMail({
  db: createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }),
  tableName: config.tableName,
  clock: systemClock,
  blobs: s3Blobs({ bucket: config.attachmentsBucket, region: config.region, credentials, endpoint: config.s3Endpoint }),
  // The notifier's SES client (standard-mode retries), so an answer is sent as every notification is.
  transport: sesTransport(sesClient({ region: config.region, credentials, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) })),
  logger,
  channel: config.channel,
  sender: config.sender,
  maxMailBytes: config.maxMailBytes,
});

interface S3Event {
  Records: Array<{ s3: { object: { key: string } } }>;
}

/**
 * The second half of receiving: the parsed mail the parser stored under parsed/ (its S3 event invokes this
 * function asynchronously: Lambda retries twice, then the event goes to the dead-letter queue) → the service.
 * An error is thrown only for our own failures (storage), so a retry can finish the mail; the Message-ID claim
 * keeps a retry from making a second message.
 */
export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    if (!key.startsWith(PARSED_MAIL_PREFIX)) continue;
    const stored = await mailBucket.read(key);
    if (!stored) throw new Error('the parsed mail is not in the bucket');
    const { envelope, parsed } = decodeHandoff(new TextDecoder().decode(stored.bytes));
    const outcome = await service.process(envelope, parsed);
    logger.info('inbound mail', { status: outcome.status, ...('reason' in outcome ? { reason: outcome.reason } : {}) });
  }
};
