import { createLogger } from '../core/logger.ts';
import { s3Bucket } from '../core/s3-bucket.ts';
import { credentialsFromEnvironment } from '../core/sigv4.ts';
import { mailParserConfig } from './config.ts';
import { encodeHandoff, parsedMailKey } from './handoff.ts';
import { parseReceived } from './receive.ts';
import { RAW_MAIL_PREFIX, rawMailKey, verdictsOf, type SesReceiptEvent } from './ses-event.ts';

const config = mailParserConfig();
const logger = createLogger('inbound-mail-parser');
const bucket = s3Bucket({ bucket: config.rawMailBucket, region: config.region, credentials: () => credentialsFromEnvironment(), endpoint: config.s3Endpoint });

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
    // No more than the limit is read; of a larger mail only its head, to tell the sender why.
    const stored = await bucket.read(key, config.maxMailBytes);
    if (!stored) throw new Error('the received mail is not in the bucket (yet)');
    const { size } = stored;
    const raw = size > config.maxMailBytes ? stored.bytes.subarray(0, HEAD_BYTES) : stored.bytes;
    const envelope = { size, recipients: ses.receipt.recipients, mailFrom: ses.mail.source, authentication: verdictsOf(ses) };
    const parsed = await parseReceived({ ...envelope, raw }, config.maxMailBytes);
    await bucket.write(parsedMailKey(ses.mail.messageId), new TextEncoder().encode(encodeHandoff({ envelope, parsed })), { 'content-type': 'application/json' });
  }
};
