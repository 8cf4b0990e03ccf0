import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PARSED_MAIL_PREFIX } from '../../functions/inbound-mail/handoff.ts';
import { RAW_MAIL_PREFIX } from '../../functions/inbound-mail/ses-event.ts';
import type { DeploymentConfig } from '../config.ts';
import type { AttachmentsBucket } from './attachments-bucket.ts';
import { SupportFunction } from './support-function.ts';

export interface InboundMailProps {
  /** The processing function's entry (functions/inbound-mail/index.ts) and the parsing one's (parser-index.ts). */
  entry: string;
  parserEntry: string;
  table: dynamodb.ITable;
  /** support@<domain>: its domain is the one SES receives for (MX record, cdk/README.md). */
  supportAddress: string;
  senderAddress: string;
  senderIdentity: ses.IEmailIdentity;
  /** A file sent by e-mail becomes an attachment as an upload does: the attachments function's grant. */
  attachments: AttachmentsBucket;
  deadLetters: sqs.IQueue;
  accessLogs: s3.IBucket;
  environment: Record<string, string>;
  logLevel: DeploymentConfig['logLevel'];
}

/** How long received mail is kept in its bucket: long enough to look into a complaint, then gone. */
export const RAW_MAIL_DAYS = 30;

/**
 * The e-mail channel's receiving side (functions/inbound-mail): SES receives for the support domain; its receipt
 * rule stores each raw mail in an encrypted, TLS-only bucket (deleted after RAW_MAIL_DAYS) and invokes the parser
 * with the receipt's verdicts; the parser stores the parsed mail under parsed/, whose creation invokes the
 * receiver (two functions, so that each bundle stays within its budget: functions/inbound-mail/README.md). Both
 * are invoked asynchronously: Lambda retries a failure twice, then the event goes to the dead-letter queue
 * (alarmed). The signing secret of reply addresses is generated in Secrets Manager and given to the notifier
 * (which signs) and the receiver (which verifies).
 */
export class InboundMail extends Construct {
  readonly bucket: s3.Bucket;
  readonly function: SupportFunction;
  readonly parser: SupportFunction;
  readonly tokenSecret: secretsmanager.Secret;
  readonly ruleSet: ses.ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const domain = props.supportAddress.split('@')[1]!;
    this.bucket = new s3.Bucket(this, 'RawMail', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 's3/raw-mail/',
      lifecycleRules: [{ id: 'expire-received-mail', expiration: Duration.days(RAW_MAIL_DAYS) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    // Rotating it would void every reply address already sent; a person's addresses are withdrawn one by one instead.
    this.tokenSecret = new secretsmanager.Secret(this, 'ReplyTokenSecret', {
      description: 'Signs the reply addresses of notification e-mails (functions/inbound-mail)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    this.function = new SupportFunction(this, 'Receiver', {
      entry: props.entry,
      handler: 'handler',
      description: 'Turns received e-mail into ticket messages and tickets',
      timeout: Duration.seconds(60),
      logLevel: props.logLevel,
      environment: {
        ...props.environment,
        ...replyChannelEnvironment(props.supportAddress, this.tokenSecret),
        SENDER_ADDRESS: props.senderAddress,
        RAW_MAIL_BUCKET: this.bucket.bucketName,
        ATTACHMENTS_BUCKET: props.attachments.bucket.bucketName,
      },
    });
    this.parser = new SupportFunction(this, 'Parser', {
      entry: props.parserEntry,
      handler: 'handler',
      description: 'Parses received e-mail for the receiver',
      timeout: Duration.seconds(60),
      logLevel: props.logLevel,
      environment: { RAW_MAIL_BUCKET: this.bucket.bucketName },
    });
    // The parser reads what SES stored and writes the parsed form; nothing else (no table, no mail).
    this.parser.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)] }));
    this.parser.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${PARSED_MAIL_PREFIX}*`)] }));

    const role = this.function.role;
    props.table.grantReadWriteData(role);
    // Least privilege: read parsed mail, and store, check and keep attachment objects as the attachments function does.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${PARSED_MAIL_PREFIX}*`)] }));
    props.attachments.grantToAttachmentsFunction(role);
    // Its polite answers (a refused mail, refused files) leave from the notifier's verified sender only.
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [props.senderIdentity.emailIdentityArn],
    }));
    for (const fn of [this.parser, this.function]) {
      fn.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6), onFailure: new destinations.SqsDestination(props.deadLetters) });
    }
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(this.function.function), { prefix: PARSED_MAIL_PREFIX });

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', {
      rules: [{
        recipients: [domain],
        scanEnabled: true,
        tlsPolicy: ses.TlsPolicy.REQUIRE,
        actions: [
          new sesActions.S3({ bucket: this.bucket, objectKeyPrefix: RAW_MAIL_PREFIX }),
          new sesActions.Lambda({ function: this.parser.function, invocationType: sesActions.LambdaInvocationType.EVENT }),
        ],
      }],
    });
  }
}

/** What a function signing or verifying reply addresses reads (functions/core/config.ts, mailChannelConfig). */
export function replyChannelEnvironment(supportAddress: string, secret: secretsmanager.ISecret): Record<string, string> {
  return { SUPPORT_ADDRESS: supportAddress, MAIL_TOKEN_SECRET: secret.secretValue.unsafeUnwrap() };
}
