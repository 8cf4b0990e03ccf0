import { credentialsFromEnvironment, s3Blobs } from '../attachments/s3-blobs.ts';
import { createLogger } from '../core/logger.ts';
import { mailParserConfig } from './config.ts';
import { encodeHandoff, parsedMailKey } from './handoff.ts';
import { parseReceived } from './receive.ts';
import { RAW_MAIL_PREFIX, rawMailKey, verdictsOf, type SesReceiptEvent } from './ses-event.ts';

const config = mailParserConfig();
const logger = createLogger('inbound-mail-parser');
const bucket = s3Blobs({ bucket: config.rawMailBucket, region: config.region, credentials: () => credentialsFromEnvironment() });

/** A mail larger than the limit is read only this far: enough for its headers, to tell the sender why. */
const HEAD_BYTES = 256 * 1024;

/**
 * The first half of receiving (SES receipt rule: the S3 action stored the mail, then this Lambda action, invoked
 * asynchronously): read the raw mail, parse it with postal-mime, and store the parsed form with SES's verdicts
 * under parsed/, whose creation invokes the processing function (index.ts). Two functions so that neither bundle
 * passes its budget: the parser carries postal-mime and no DynamoDB, the processor DynamoDB and no parser.
 */
export const handler = async (event: SesReceiptEvent): Promise<void> => {
  for (const { ses } of event.Records) {
    if (ses.receipt.virusVerdict?.status === 'FAIL') {
      logger.warn('inbound mail ignored', { reason: 'virus' });
      continue;
    }
    const key = rawMailKey(RAW_MAIL_PREFIX, ses.mail.messageId);
    const size = await bucket.size(key);
    if (size === undefined) throw new Error('the received mail is not in the bucket (yet)');
    const raw = await bucket.read(key, 0, Math.min(size, size > config.maxMailBytes ? HEAD_BYTES : size) - 1);
    const envelope = { size, recipients: ses.receipt.recipients, mailFrom: ses.mail.source, authentication: verdictsOf(ses) };
    const parsed = await parseReceived({ ...envelope, raw }, config.maxMailBytes);
    await bucket.write(parsedMailKey(ses.mail.messageId), new TextEncoder().encode(encodeHandoff({ envelope, parsed })), 'application/json');
  }
};
