import { Aws, Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  alarmEmail?: string;
}

const PERIOD = Duration.minutes(5);

/** CloudWatch alarms that page someone: any function error or throttle, anything dead-lettered, API 5xx. */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: 'HPC AI Support Centre alarms', enforceSSL: true });
    // The TLS-only policy replaces the topic's default one: say explicitly that this account's alarms may publish.
    this.topic.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [this.topic.topicArn],
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*` },
      },
    }));
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new actions.SnsAction(this.topic);
  }

  watchFunction(name: string, fn: lambda.IFunction): void {
    this.alarm(`${name}Errors`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), `${name}: invocations failed`);
    this.alarm(`${name}Throttles`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), `${name}: invocations throttled`);
  }

  watchDeadLetters(name: string, queue: sqs.IQueue): void {
    this.alarm(`${name}Depth`, queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }), `${name}: messages could not be processed`);
  }

  /** Counts structured (JSON, core/logger.ts) log records matching `pattern` and alarms on any. */
  watchLogRecords(name: string, logGroup: logs.ILogGroup, pattern: logs.IFilterPattern, description: string): void {
    const filter = new logs.MetricFilter(this, `${name}Filter`, {
      logGroup,
      filterPattern: pattern,
      metricNamespace: 'SupportCentre',
      metricName: name,
      metricValue: '1',
    });
    this.alarm(name, filter.metric({ period: PERIOD, statistic: 'Sum' }), description);
  }

  watchApi(name: string, api: apigw.HttpApi): void {
    this.alarm(`${name}ServerErrors`, api.metricServerError({ period: PERIOD, statistic: 'Sum' }), `${name}: 5xx responses`);
  }

  private alarm(id: string, metric: cloudwatch.IMetric, description: string): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
