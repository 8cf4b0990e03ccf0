import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** How often every sweep runs: notification reminders and SLA escalation, settling half-written bookings. */
export const SWEEP_INTERVAL = Duration.minutes(5);

export interface ScheduledSweepProps {
  target: lambda.IFunction;
  interval?: Duration;
  description: string;
  deadLetters: sqs.IQueue;
}

/** Runs a function on a fixed rate from EventBridge Scheduler; invocations that fail to start are dead-lettered. */
export class ScheduledSweep extends Construct {
  /** The role the scheduler assumes: it may invoke this one function and send to the dead-letter queue. */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScheduledSweepProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: `Starts: ${props.description}`,
    });
    const interval = props.interval ?? SWEEP_INTERVAL;
    new scheduler.Schedule(this, 'Schedule', {
      description: props.description,
      schedule: scheduler.ScheduleExpression.rate(interval),
      target: new targets.LambdaInvoke(props.target, {
        role: this.role,
        deadLetterQueue: props.deadLetters,
        retryAttempts: 2,
        // A sweep older than its interval is superseded by the next one.
        maxEventAge: interval,
      }),
    });
  }
}
