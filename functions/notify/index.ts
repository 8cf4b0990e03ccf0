import { systemClock } from '../core/clock.ts';
import { createDocumentClient } from '../core/dynamo.ts';
import { createLogger } from '../core/logger.ts';
import { dynamoUserDirectory } from '../core/users.ts';
import { composeNotifications } from './compose.ts';
import { notifyConfig } from './config.ts';
import { credentialsFromEnvironment } from '../core/sigv4.ts';
import { sesClient } from './ses-client.ts';
import { sesTransport } from './ses-transport.ts';
import { handleStreamBatch, type StreamBatchResponse, type StreamRecord } from '../events/stream.ts';
import type { SweepResult } from './sweep.ts';

const config = notifyConfig();
const logger = createLogger('notify');
const db = createDocumentClient({ region: config.region, endpoint: config.dynamoEndpoint });
const notifications = composeNotifications({
  db,
  tableName: config.tableName,
  users: dynamoUserDirectory(db, config.tableName),
  clock: systemClock,
  transport: sesTransport(sesClient({ region: config.region, credentials: () => credentialsFromEnvironment(), ...(config.sesEndpoint ? { endpoint: config.sesEndpoint } : {}) })),
  sender: config.sender,
  publicUrl: config.publicUrl,
  ...(config.unsubscribeSecret ? { unsubscribeSecret: config.unsubscribeSecret } : {}),
  logger,
  channel: config.channel,
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
