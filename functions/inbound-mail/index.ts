import { s3Blobs, credentialsFromEnvironment } from '../attachments/s3-blobs.ts';
import { systemClock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createLogger } from '../core/logger.ts';
import { sesTransport, SESv2Client } from '../notify/ses-transport.ts';
import { composeInboundMail } from './compose.ts';
import { inboundMailConfig } from './config.ts';
import { RAW_MAIL_PREFIX, rawMailKey, verdictsOf, type SesReceiptEvent } from './ses-event.ts';

const config = inboundMailConfig();
const logger = createLogger('inbound-mail');
const credentials = () => credentialsFromEnvironment();
const rawMail = s3Blobs({ bucket: config.rawMailBucket, region: config.region, credentials });
const service = composeInboundMail({
  db: createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint }),
  tableName: config.tableName,
  clock: systemClock,
  blobs: s3Blobs({ bucket: config.attachmentsBucket, region: config.region, credentials }),
  transport: sesTransport(new SESv2Client({ region: config.region, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) })),
  logger,
  channel: config.channel,
  sender: config.sender,
  maxMailBytes: config.maxMailBytes,
});

/** A mail larger than the limit is read only this far: enough for its headers, to tell the sender why. */
const HEAD_BYTES = 256 * 1024;

/**
 * SES's receipt rule: the S3 action stores the raw mail, then this Lambda action (asynchronous: Lambda retries
 * twice, then the event goes to the DLQ) processes it. An error is thrown only for our own failures (storage,
 * S3), so a retry can finish the mail; the Message-ID claim keeps a retry from making a second message.
 */
export const handler = async (event: SesReceiptEvent): Promise<void> => {
  for (const { ses } of event.Records) {
    if (ses.receipt.virusVerdict?.status === 'FAIL') {
      logger.warn('inbound mail ignored', { reason: 'virus' });
      continue;
    }
    const key = rawMailKey(RAW_MAIL_PREFIX, ses.mail.messageId);
    const size = await rawMail.size(key);
    if (size === undefined) throw new Error('the received mail is not in the bucket (yet)');
    const raw = await rawMail.read(key, 0, Math.min(size, size > config.maxMailBytes ? HEAD_BYTES : size) - 1);
    const outcome = await service.receive({ raw, size, recipients: ses.receipt.recipients, mailFrom: ses.mail.source, authentication: verdictsOf(ses) });
    logger.info('inbound mail', { status: outcome.status, ...('reason' in outcome ? { reason: outcome.reason } : {}) });
  }
};
