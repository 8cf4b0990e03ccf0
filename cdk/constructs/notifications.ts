import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { eventSourceSortKeys } from '../../functions/events/keys.ts';
import type { DeploymentConfig } from '../config.ts';
import { ScheduledSweep } from './scheduled-sweep.ts';
import { SupportFunction } from './support-function.ts';

export interface NotificationsProps {
  /** functions/notify/index.ts: exports `streamHandler` and `sweepHandler`. */
  entry: string;
  /** The table, with its change stream enabled. */
  table: dynamodb.ITable;
  senderIdentity: ses.EmailIdentity;
  deadLetters: sqs.IQueue;
  environment: Record<string, string>;
  logLevel: DeploymentConfig['logLevel'];
}

/**
 * E-mail notifications: one function reads the table's change stream (ticket and booking records only),
 * another runs every five minutes from EventBridge Scheduler. A provider failure does not fail the stream
 * record (that would hold back the whole shard): the delivery is marked failed, retried by the sweep, and
 * parked in the table for coordinators after its last attempt. Failures of our own (storage, bugs) fail the
 * record, which Lambda retries and then hands to the dead-letter queue an alarm watches.
 */
export class Notifications extends Construct {
  readonly streamFunction: SupportFunction;
  readonly sweepFunction: SupportFunction;
  readonly sweep: ScheduledSweep;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const notifyFunction = (name: string, handler: string, description: string, timeout: Duration) => {
      const fn = new SupportFunction(this, name, {
        entry: props.entry,
        handler,
        description,
        timeout,
        logLevel: props.logLevel,
        environment: { ...props.environment, SENDER_ADDRESS: props.senderIdentity.emailIdentityName },
      });
      // Reads users and tickets, records what was sent (markers expire by TTL).
      props.table.grantReadWriteData(fn.role);
      props.senderIdentity.grantSendEmail(fn.role);
      return fn;
    };

    this.streamFunction = notifyFunction('StreamFunction', 'streamHandler', 'Notification e-mails for table changes', Duration.seconds(60));
    this.streamFunction.function.addEventSource(new DynamoEventSource(props.table, {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(2),
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
      onFailure: new SqsDlq(props.deadLetters),
      // Only ticket and booking records carry events; the notifier's own delivery records must not wake it.
      filters: eventSourceSortKeys().map((sk) => lambda.FilterCriteria.filter({ dynamodb: { Keys: { sk: { S: lambda.FilterRule.isEqual(sk) } } } })),
    }));

    this.sweepFunction = notifyFunction('SweepFunction', 'sweepHandler', 'Booking reminders and SLA escalation', Duration.minutes(2));
    this.sweep = new ScheduledSweep(this, 'Sweep', {
      target: this.sweepFunction.function,
      description: 'Booking reminders and SLA escalation',
      deadLetters: props.deadLetters,
    });
  }

  get functions(): SupportFunction[] {
    return [this.streamFunction, this.sweepFunction];
  }
}
