/**
 * The cdk-nag AwsSolutions findings this deployment accepts, each on the one construct it concerns and with
 * its reason. cdk-nag v3 records them through CDK's own `Validations.of(scope).acknowledge()` (v3 removed
 * `NagSuppressions`); wildcard findings are acknowledged one by one, by the exact action or resource.
 */
import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { API_FUNCTIONS } from '../functions/api-functions.ts';
import { routeKey } from './routes.ts';
import type { SupportCentreStack } from './support-centre-stack.ts';

export interface Acknowledgement {
  /** Rule id, with the finding for granular rules: `AwsSolutions-IAM5[Resource::*]`. */
  id: string;
  reason: string;
}

function acknowledge(scope: IConstruct, ...acknowledgements: Acknowledgement[]): void {
  for (const acknowledgement of acknowledgements) Validations.of(scope).acknowledge(acknowledgement);
}

/** `<LogicalId.Arn>` as cdk-nag writes a resource's ARN in findings. */
function arnReference(resource: IConstruct): string {
  const element = resource.node.defaultChild as CfnElement;
  return `<${Stack.of(resource).getLogicalId(element)}.Arn>`;
}

const RUNTIME_REASON = 'Node.js 22 is the runtime the code is built and tested for (esbuild target node22); moving to a newer runtime is a deliberate, tested change, not a default.';

export function suppressAcceptedFindings(stack: SupportCentreStack, options: { customDomain: boolean }): void {
  const { table, identity, api, site, apiFunctions, bookingsSweep, routingSweep, deadLetters, notifications, attachments, unsubscribeKey, edgeKey, inboundMail } = stack.parts;
  const tableIndexes = `AwsSolutions-IAM5[Resource::${arnReference(table.table)}/index/*]`;
  const indexReason = 'Queries use the generic indexes gsi1..gsi5 of this one table; index/* names exactly those and nothing outside the table.';

  for (const fn of [...Object.values(apiFunctions), bookingsSweep.function, routingSweep.function, ...notifications.functions, inboundMail.function, inboundMail.parser]) {
    acknowledge(fn.function, { id: 'AwsSolutions-L1', reason: RUNTIME_REASON });
    acknowledge(fn.role, { id: tableIndexes, reason: indexReason });
  }
  const sweeps = [bookingsSweep, routingSweep, { function: notifications.sweepFunction, schedule: notifications.sweep }];
  for (const sweep of sweeps) {
    acknowledge(sweep.schedule.role, {
      id: `AwsSolutions-IAM5[Resource::${arnReference(sweep.function.function)}:*]`,
      reason: 'lambda:InvokeFunction on this sweep function and its versions (ARN:*), as aws-cdk-lib\'s scheduler target grants it; no other function.',
    });
  }
  acknowledge(apiFunctions.attachments.role, {
    id: `AwsSolutions-IAM5[Resource::${arnReference(attachments.bucket)}/tickets/*]`,
    reason: 'Attachments are objects under tickets/<ticket>/<attachment>, created at run time: the grant names exactly that prefix of this one bucket, and the function signs links for one key at a time.',
  });
  acknowledge(unsubscribeKey, {
    id: 'AwsSolutions-SMG4',
    reason: 'The key signs only one-click unsubscribe links in mails already sent: rotating it would break those links and protect nothing more (a link turns one optional kind off for its own recipient, who can turn it on again). Rotate by hand if it ever leaks.',
  });
  acknowledge(edgeKey, {
    id: 'AwsSolutions-SMG4',
    reason: 'The key only tells the analytics function which requests came through CloudFront, to throttle readers one by one; whoever learnt it could pick their own throttle bucket, while API Gateway\'s route throttling still bounds the total. CloudFormation resolves it into the distribution and the function at deployment, so an automatic rotation would reach neither: rotate by hand (new value, redeploy) if it ever leaks.',
  });
  acknowledge(inboundMail.function.role,
    {
      id: `AwsSolutions-IAM5[Resource::${arnReference(attachments.bucket)}/tickets/*]`,
      reason: 'A file sent by e-mail becomes an attachment like an upload: an object under tickets/<ticket>/<attachment> of the attachments bucket, that prefix only.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${arnReference(inboundMail.bucket)}/parsed/*]`,
      reason: 'The parser stores each parsed mail as parsed/<SES message id>.json, named at run time: the grant reads that prefix of this one bucket only.',
    },
  );
  acknowledge(inboundMail.parser.role,
    {
      id: `AwsSolutions-IAM5[Resource::${arnReference(inboundMail.bucket)}/incoming/*]`,
      reason: 'SES stores each received mail as incoming/<SES message id>, named at run time: the parser reads that prefix of this one bucket only.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::${arnReference(inboundMail.bucket)}/parsed/*]`,
      reason: 'The parser writes each parsed mail as parsed/<SES message id>.json: that prefix of this one bucket only.',
    },
  );
  acknowledge(inboundMail.tokenSecret, {
    id: 'AwsSolutions-SMG4',
    reason: 'The secret signs the reply addresses of mails already sent (valid for months); rotating it would void them all. A person\'s addresses are withdrawn one by one instead (functions/inbound-mail/README.md).',
  });
  acknowledge(deadLetters.queue, {
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is the dead-letter queue (of the stream consumer and the schedules); an alarm fires on its first message.',
  });

  // Each open route's reason is written next to it in the manifest (functions/api-functions.ts).
  const publicReasons = new Map(Object.values(API_FUNCTIONS).flatMap((fn) => fn.publicRoutes.map((route) => [routeKey(route), route.reason] as const)));
  for (const [key, route] of api.publicRoutes) {
    const reason = publicReasons.get(key);
    if (!reason) throw new Error(`Public route ${key} has no stated reason: add one in functions/api-functions.ts or give the route the authorizer.`);
    acknowledge(route, { id: 'AwsSolutions-APIG4', reason });
  }

  acknowledge(identity.userPool,
    { id: 'AwsSolutions-COG8', reason: 'The Plus feature plan (threat protection) is billed per active user; accounts are created by staff only (no self sign-up), with a 12-character mixed password policy and optional TOTP. Enable Plus when the user base warrants it.' },
    { id: 'AwsSolutions-COG2', reason: 'MFA (TOTP) is enabled but optional: requesters are occasional users from many small companies and forcing MFA would lock most of them out. Set mfa to REQUIRED in cdk/constructs/identity.ts where policy demands it; the hosted UI then enrols TOTP at first sign-in.' },
  );

  acknowledge(site.distribution,
    { id: 'AwsSolutions-CFR1', reason: 'No geo restriction: EuroHPC access is open to users in many countries; the service is not region-restricted.' },
    { id: 'AwsSolutions-CFR2', reason: 'No WAF web ACL by default (a fixed monthly cost); the API is throttled per stage and every non-public route requires a Cognito JWT. Attach a web ACL if abuse appears.' },
  );
  if (!options.customDomain) {
    acknowledge(site.distribution, {
      id: 'AwsSolutions-CFR4',
      reason: 'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes; configure domainName and certificateArn to enforce TLS 1.2 (TLSv1.2_2021).',
    });
  }

  // The handler that sets the received-mail bucket's event notification (parsed/ → the receiver): aws-cdk-lib's.
  for (const handler of stack.node.children.filter((child) => child.node.id.startsWith('BucketNotificationsHandler'))) {
    acknowledge(handler, {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'aws-cdk-lib\'s bucket-notifications handler (not our code, run once per deployment): aws-cdk-lib attaches the basic execution role for its logs.',
    });
  }

  // The BucketDeployment handler is one singleton Lambda per stack that aws-cdk-lib creates and grants.
  const deploymentHandlers = stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  const managedReason = 'aws-cdk-lib\'s BucketDeployment handler (not our code): ';
  for (const handler of deploymentHandlers) {
    acknowledge(handler,
      { id: 'AwsSolutions-L1', reason: `${managedReason}its Python runtime is chosen and updated by aws-cdk-lib.` },
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: `${managedReason}aws-cdk-lib attaches the basic execution role for its logs.` },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `${managedReason}${action} is aws-cdk-lib's read/sync grant, on the CDK asset bucket and the site bucket only.`,
      })),
      { id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]', reason: `${managedReason}reads the uploaded site from the CDK bootstrap asset bucket.` },
      { id: `AwsSolutions-IAM5[Resource::${arnReference(site.bucket)}/*]`, reason: `${managedReason}writes and prunes the objects of the site bucket.` },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${managedReason}cloudfront:CreateInvalidation/GetInvalidation, which aws-cdk-lib grants on all distributions.` },
    );
  }
}
