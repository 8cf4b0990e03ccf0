import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { customSiteOrigin, type DeploymentConfig } from './config.ts';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Alarms } from './constructs/alarms.ts';
import { AttachmentsBucket, attachmentsBucketAddress } from './constructs/attachments-bucket.ts';
import { DataTable } from './constructs/data-table.ts';
import { DeadLetterQueue } from './constructs/dead-letter-queue.ts';
import { HttpApi } from './constructs/http-api.ts';
import { InboundMail, replyChannelEnvironment } from './constructs/inbound-mail.ts';
import { Identity } from './constructs/identity.ts';
import { Notifications } from './constructs/notifications.ts';
import { ScheduledSweep } from './constructs/scheduled-sweep.ts';
import { SiteDeployment } from './constructs/site-deployment.ts';
import { SiteHosting } from './constructs/site-hosting.ts';
import { SupportFunction } from './constructs/support-function.ts';
import { suppressAcceptedFindings } from './nag-suppressions.ts';
import { API_FUNCTIONS, API_FUNCTION_NAMES, type ApiFunctionName } from '../functions/api-functions.ts';
import { API_WIRING } from '../functions/api-wiring.ts';
import { EDGE_SECRET_VARIABLE } from '../functions/analytics/config.ts';
import { routingErrors } from './routes.ts';

/** The Lambda entry of each API function and of the notifier (cdk/paths.ts). */
export type FunctionEntries = Record<ApiFunctionName | 'notify' | 'inboundMail' | 'inboundMailParser', string>;

/** `tickets` → `TicketsFunction`: the construct id (and so the logical id) of an API function. */
const constructId = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}Function`;

export interface SupportCentreStackProps extends StackProps {
  config: DeploymentConfig;
  entries: FunctionEntries;
  /** Absolute path of the built site. */
  siteDir: string;
}

/** Everything the support centre runs on in one AWS account and region. */
export class SupportCentreStack extends Stack {
  readonly parts: {
    table: DataTable;
    identity: Identity;
    api: HttpApi;
    site: SiteHosting;
    apiFunctions: Record<ApiFunctionName, SupportFunction>;
    bookingsSweep: { function: SupportFunction; schedule: ScheduledSweep };
    routingSweep: { function: SupportFunction; schedule: ScheduledSweep };
    deadLetters: DeadLetterQueue;
    notifications: Notifications;
    attachments: AttachmentsBucket;
    unsubscribeKey: secretsmanager.Secret;
    edgeKey: secretsmanager.Secret;
    inboundMail: InboundMail;
  };

  constructor(scope: Construct, id: string, props: SupportCentreStackProps) {
    super(scope, id, props);
    // Synth stops first thing if an operation a function documents (and so serves) would not reach it.
    const unrouted = routingErrors(Object.fromEntries(API_FUNCTION_NAMES.map((name) => [name, API_WIRING[name].docs.map((doc) => doc.route)])));
    if (unrouted.length) throw new Error(`API routes do not match the functions:\n  ${unrouted.join('\n  ')}`);
    const { config, entries } = props;
    const customOrigin = customSiteOrigin(config);

    const table = new DataTable(this, 'Data');
    const identity = new Identity(this, 'Identity', { stage: config.stage, domainPrefix: config.cognitoDomainPrefix });
    // CORS only for origins known before deployment; the site itself reaches /api on its own origin.
    const api = new HttpApi(this, 'Api', {
      stage: config.stage,
      allowedOrigins: [...(customOrigin ? [customOrigin] : []), ...config.allowedOrigins],
      throttle: config.throttle,
    });
    const attachmentsAddress = attachmentsBucketAddress(config.stage);
    // The edge secret (functions/analytics/source.ts): CloudFront sends it with each /api request, and the analytics
    // function, finding it, believes CloudFront-Viewer-Address and throttles each reader apart rather than all
    // readers of one edge server together. The HTTP API cannot be closed to all but CloudFront (no resource policy,
    // no WAF), so the secret is what tells the two apart. CloudFormation resolves it into both at deployment.
    const edgeKey = new secretsmanager.Secret(this, 'EdgeOriginKey', {
      description: 'Proves to the analytics function that a request came through the site\'s CloudFront distribution',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const edgeSecret = edgeKey.secretValue.unsafeUnwrap();
    const site = new SiteHosting(this, 'Site', {
      apiOriginDomain: api.originDomain,
      apiOriginSecret: edgeSecret,
      signInOrigin: identity.hostedUiOrigin,
      attachmentsOrigin: attachmentsAddress.origin,
      ...(config.domainName && config.certificateArn ? { customDomain: { domainName: config.domainName, certificateArn: config.certificateArn } } : {}),
    });
    const siteClient = identity.addSiteClient([site.origin, ...config.allowedOrigins]);

    const environment = {
      TABLE_NAME: table.table.tableName,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: siteClient.userPoolClientId,
      PUBLIC_URL: site.origin,
    };
    const tableFunction = (id: string, entry: string, handler: string, description: string) => {
      const fn = new SupportFunction(this, id, { entry, handler, description, environment, logLevel: config.logLevel });
      table.table.grantReadWriteData(fn.role);
      return fn;
    };
    // One function per row of the manifest, each answering the paths the manifest gives it.
    const apiFunctions = Object.fromEntries(API_FUNCTION_NAMES.map((name) => [
      name, tableFunction(constructId(name), entries[name], 'handler', API_FUNCTIONS[name].description),
    ])) as Record<ApiFunctionName, SupportFunction>;
    api.routeTo(apiFunctions, identity.userPool, siteClient);
    apiFunctions.analytics.function.addEnvironment(EDGE_SECRET_VARIABLE, edgeSecret);

    // Attachment bytes go between browsers and this bucket directly, on links the attachments function signs.
    const attachments = new AttachmentsBucket(this, 'Attachments', { bucketName: attachmentsAddress.bucketName, allowedOrigins: [site.origin, ...config.allowedOrigins], accessLogs: site.logBucket });
    attachments.grantToAttachmentsFunction(apiFunctions.attachments.role);
    apiFunctions.attachments.function.addEnvironment('ATTACHMENTS_BUCKET', attachments.bucket.bucketName);

    const deadLetters = new DeadLetterQueue(this, 'DeadLetters');
    // functions/bookings exports sweepHandler: it settles bookings a crash left half-written.
    const bookingsSweepFunction = tableFunction('BookingsSweepFunction', entries.bookings, 'sweepHandler', 'Settles bookings left half-written');
    const bookingsSweep = {
      function: bookingsSweepFunction,
      schedule: new ScheduledSweep(this, 'BookingsSweep', {
        target: bookingsSweepFunction.function, description: 'Settle half-written bookings', deadLetters: deadLetters.queue,
      }),
    };

    // functions/routing exports sweepHandler: experts' load counters that drifted are set to what the tickets say.
    const routingSweepFunction = tableFunction('RoutingSweepFunction', entries.routing, 'sweepHandler', 'Reconciles experts\' load counters with their tickets');
    const routingSweep = {
      function: routingSweepFunction,
      schedule: new ScheduledSweep(this, 'RoutingSweep', {
        target: routingSweepFunction.function, description: 'Reconcile experts\' load counters', deadLetters: deadLetters.queue,
      }),
    };

    const sender = new ses.EmailIdentity(this, 'Sender', { identity: ses.Identity.email(config.senderAddress) });
    if (!config.senderConfigured) {
      Annotations.of(sender).addWarningV2('support-centre:senderPlaceholder', `No sender address configured: ${config.senderAddress} cannot be verified, so no e-mail will be delivered. Set senderAddress.`);
    }
    // The key of the one-click unsubscribe links (functions/notify/unsubscribe.ts): the notifier signs them, the
    // notifications API verifies them. CloudFormation resolves it into both functions' settings at deployment.
    const unsubscribeKey = new secretsmanager.Secret(this, 'UnsubscribeKey', {
      description: 'Signs the one-click unsubscribe links of notification e-mails',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const unsubscribeSecret = unsubscribeKey.secretValue.unsafeUnwrap();
    apiFunctions.notifications.function.addEnvironment('UNSUBSCRIBE_SECRET', unsubscribeSecret);
    const notifications = new Notifications(this, 'Notifications', {
      entry: entries.notify, table: table.table, senderIdentity: sender, deadLetters: deadLetters.queue,
      environment: { ...environment, UNSUBSCRIBE_SECRET: unsubscribeSecret }, logLevel: config.logLevel,
    });

    // The e-mail channel: mail to the support domain becomes messages and tickets; the notifier signs reply addresses.
    const inboundMail = new InboundMail(this, 'InboundMail', {
      entry: entries.inboundMail, parserEntry: entries.inboundMailParser, table: table.table, supportAddress: config.supportAddress, senderAddress: config.senderAddress, senderIdentity: sender,
      attachments, deadLetters: deadLetters.queue, accessLogs: site.logBucket, environment, logLevel: config.logLevel,
    });
    for (const fn of [notifications.streamFunction, notifications.sweepFunction]) {
      for (const [name, value] of Object.entries(replyChannelEnvironment(config.supportAddress, inboundMail.tokenSecret))) fn.function.addEnvironment(name, value);
    }

    new SiteDeployment(this, 'SiteContent', {
      siteDir: props.siteDir,
      bucket: site.bucket,
      distribution: site.distribution,
      runtimeConfig: {
        apiUrl: '/api',
        cognito: { domain: identity.hostedUiDomain, clientId: siteClient.userPoolClientId, region: this.region, userPoolId: identity.userPool.userPoolId },
        mode: 'cognito',
      },
    });

    const alarms = new Alarms(this, 'Alarms', { alarmEmail: config.alarmEmail });
    alarms.watchApi('Api', api.api);
    for (const [name, fn] of Object.entries(apiFunctions)) alarms.watchFunction(name, fn.function);
    alarms.watchFunction('bookingsSweep', bookingsSweepFunction.function);
    alarms.watchFunction('routingSweep', routingSweepFunction.function);
    alarms.watchFunction('notifyStream', notifications.streamFunction.function);
    alarms.watchFunction('notifySweep', notifications.sweepFunction.function);
    alarms.watchFunction('inboundMail', inboundMail.function.function);
    alarms.watchFunction('inboundMailParser', inboundMail.parser.function);
    alarms.watchDeadLetters('DeadLetters', deadLetters.queue);
    // Parked e-mails wait in the table for a coordinator, not in the dead-letter queue: watch the records that park them.
    alarms.watchLogRecords('ParkedEmails', notifications.sweepFunction.logGroup,
      logs.FilterPattern.any(
        logs.FilterPattern.all(logs.FilterPattern.stringValue('$.message', '=', 'delivery failed'), logs.FilterPattern.booleanValue('$.parked', true)),
        logs.FilterPattern.all(logs.FilterPattern.stringValue('$.message', '=', 'sweep'), logs.FilterPattern.numberValue('$.parkedInDoubt', '>', 0)),
      ),
      'notify: e-mails parked after their last attempt or in doubt; replay them from GET /api/notifications/parked');
    alarms.watchLogRecords('ParkedEmailsFromStream', notifications.streamFunction.logGroup,
      logs.FilterPattern.all(logs.FilterPattern.stringValue('$.message', '=', 'delivery failed'), logs.FilterPattern.booleanValue('$.parked', true)),
      'notify: e-mails parked after their last attempt; replay them from GET /api/notifications/parked');

    this.parts = { table, identity, api, site, apiFunctions, bookingsSweep, routingSweep, deadLetters, notifications, attachments, unsubscribeKey, edgeKey, inboundMail };
    suppressAcceptedFindings(this, { customDomain: customOrigin !== undefined });

    const output = (name: string, value: string, description: string) => new CfnOutput(this, name, { value, description });
    output('SiteUrl', site.origin, 'The site (and /api on the same origin)');
    output('DistributionId', site.distribution.distributionId, 'CloudFront distribution (for invalidations)');
    output('DistributionDomainName', site.distribution.distributionDomainName, 'Point the custom domain\'s CNAME (or alias) here');
    output('ApiEndpoint', api.api.apiEndpoint, 'The HTTP API directly (CloudFront is the public entry)');
    output('UserPoolId', identity.userPool.userPoolId, 'Cognito user pool: create users and set groups here');
    output('UserPoolClientId', siteClient.userPoolClientId, 'The site\'s app client');
    output('SignInDomain', identity.hostedUiOrigin, 'Cognito hosted sign-in');
    output('AttachmentsBucket', attachments.bucket.bucketName, 'Ticket attachments (private; kept on destroy)');
    output('TableName', table.table.tableName, 'DynamoDB table');
    output('ReceiptRuleSetName', inboundMail.ruleSet.receiptRuleSetName, 'Activate it: aws ses set-active-receipt-rule-set --rule-set-name <this>');
    output('AlarmTopicArn', alarms.topic.topicArn, 'Subscribe to receive alarms');
  }
}
