import { systemClock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createLogger } from '../core/logger.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { composeNotifications } from './compose.ts';
import { sesTransport, SESv2Client } from './ses-transport.ts';
import { handleStreamBatch, type StreamBatchResponse, type StreamRecord } from '../events/stream.ts';
import type { SweepResult } from './sweep.ts';

/** Only what the notifier needs (it verifies no tokens, so no identity settings). */
function notifyConfig(env: NodeJS.ProcessEnv = process.env) {
  const sender = env.SENDER_ADDRESS;
  if (!sender) throw new Error('Missing required environment variable SENDER_ADDRESS');
  return {
    tableName: env.TABLE_NAME ?? 'support-centre',
    region: env.AWS_REGION ?? 'eu-north-1',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    publicUrl: env.PUBLIC_URL ?? 'http://localhost:3000',
    sender,
    /** Another SES v2 endpoint (a test double, or a regional/VPC endpoint); the default is the region's. */
    sesEndpoint: env.SES_ENDPOINT || undefined,
  };
}

const config = notifyConfig();
const logger = createLogger('notify');
const db = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });
const notifications = composeNotifications({
  db,
  tableName: config.tableName,
  users: dynamoUserDirectory(db, config.tableName),
  clock: systemClock,
  transport: sesTransport(new SESv2Client({ region: config.region, ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) })),
  sender: { address: config.sender, name: 'HPC AI Support Centre' },
  publicUrl: config.publicUrl,
  logger,
});

/** DynamoDB stream (NEW_AND_OLD_IMAGES, ReportBatchItemFailures): the table's events, notify their consumer. */
export const streamHandler = async (event: { Records: StreamRecord[] }): Promise<StreamBatchResponse> =>
  handleStreamBatch(event.Records, [notifications.consumer], (error) => logger.error('stream record failed', { error: error as Error }));

/** Scheduled every few minutes: reminders, SLA escalation, retries, in-doubt deliveries. */
export const sweepHandler = async (): Promise<Omit<SweepResult, 'outcomes' | 'retried'> & { sent: number; retried: number }> => {
  const result = await notifications.sweep.run();
  logger.info('sweep', { ...result });
  return {
    reminders: result.reminders, escalations: result.escalations, parkedInDoubt: result.parkedInDoubt,
    sent: result.outcomes.filter((o) => o === 'sent').length, retried: result.retried.length,
  };
};
