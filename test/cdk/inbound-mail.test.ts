// The e-mail channel's receiving side in the synthesized template: SES receipt rule → encrypted, TLS-only bucket
// with expiry → the receiver function (async, retried, dead-lettered, alarmed), with least-privilege grants.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthesize, type Synthesized } from './support/synth.ts';

let synth: Synthesized;
beforeAll(() => { synth = synthesize({ senderAddress: 'desk@support.example.eu', supportAddress: 'support@support.example.eu', alarmEmail: 'ops@example.eu' }); }, 180_000);
afterAll(() => synth?.cleanup());

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };
const rawBucketId = () => {
  const found = resourcesOfType(synth.json, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('InboundMailRawMail'));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const functionId = (prefix: string) => resourcesOfType(synth.json, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix))![0];
const receiverId = () => functionId('InboundMailReceiverFunction');
const parserId = () => functionId('InboundMailParserFunction');
const statementsOf = (rolePrefix: string) => resourcesOfType(synth.json, 'AWS::IAM::Policy')
  .filter(([id]) => id.startsWith(rolePrefix))
  .flatMap(([, policy]) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);

describe('receiving e-mail', () => {
  it('has a receipt rule for the support domain: store the raw mail, then invoke the parser asynchronously', () => {
    synth.template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    const [bucketId] = rawBucketId();
    synth.template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Enabled: true, ScanEnabled: true, TlsPolicy: 'Require', Recipients: ['support.example.eu'],
        Actions: [
          { S3Action: { BucketName: { Ref: bucketId }, ObjectKeyPrefix: 'incoming/' } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [parserId(), 'Arn'] }, InvocationType: 'Event' } },
        ],
      }),
    });
    // SES may invoke the parser, from this account only.
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction', Principal: 'ses.amazonaws.com', FunctionName: { 'Fn::GetAtt': [parserId(), 'Arn'] }, SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('invokes the receiver when the parser stores a parsed mail under parsed/', () => {
    const [bucketId] = rawBucketId();
    synth.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucketId },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{
          Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: { 'Fn::GetAtt': [receiverId(), 'Arn'] },
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'parsed/' }] } },
        }],
      },
    });
    synth.template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 's3.amazonaws.com', FunctionName: { 'Fn::GetAtt': [receiverId(), 'Arn'] }, SourceAccount: { Ref: 'AWS::AccountId' } });
  });

  it('keeps raw mail encrypted, private, TLS only, and deletes it after 30 days', () => {
    const [bucketId, bucket] = rawBucketId();
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 30, Status: 'Enabled' })] },
    });
    const policy = resourcesOfType(synth.json, 'AWS::S3::BucketPolicy').find(([, p]) => JSON.stringify(p.Properties!.Bucket).includes(bucketId))![1];
    const statements = (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // SES writes, for this account's rule only.
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Allow', Action: 's3:PutObject', Principal: { Service: 'ses.amazonaws.com' } }));
  });

  it('grants the parser only received mail: read incoming/, write parsed/ (and dead-letter a failure); no table, no mail', () => {
    const statements = statementsOf('InboundMailParserRole').filter((s) => !JSON.stringify(s.Action).includes('logs:'));
    expect(statements.map((s) => [s.Action, JSON.stringify(s.Resource).match(/\/(incoming|parsed)\/\*|DeadLetters/)?.[0]])).toEqual([
      ['s3:GetObject', '/incoming/*'], ['s3:PutObject', '/parsed/*'], [['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'], 'DeadLetters'],
    ]);
  });

  it('grants the receiver only what it uses: read parsed mail, attachments under tickets/, send as the sender', () => {
    const [bucketId] = rawBucketId();
    const statements = statementsOf('InboundMailReceiverRole');
    const mail = statements.find((s) => JSON.stringify(s.Resource).includes(bucketId))!;
    expect(mail.Action).toBe('s3:GetObject');
    expect(JSON.stringify(mail.Resource)).toContain('/parsed/*');
    // A file sent by e-mail is stored where an upload lands, tagged pending, then checked and kept (copied): the attachments function's grant.
    const files = statements.find((s) => JSON.stringify(s.Resource).includes('/tickets/*'))!;
    expect([files.Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObjectTagging']);
    const send = statements.find((s) => JSON.stringify(s.Action).includes('ses:'))!;
    expect([send.Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(JSON.stringify(send.Resource)).not.toBe('"*"');
    expect(statements.every((s) => JSON.stringify(s.Resource) !== '"*"')).toBe(true);
  });

  it('retries twice, then dead-letters, with alarms on errors and on the dead-letter queue', () => {
    for (const id of [parserId(), receiverId()]) {
      synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id }, MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: 'inboundMail: invocations failed' });
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: 'inboundMailParser: invocations failed' });
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmDescription: 'DeadLetters: messages could not be processed' });
  });

  it('gives the receiver and the notifier the same signing secret and support address', () => {
    for (const description of ['Turns received e-mail into ticket messages and tickets', 'Notification e-mails for table changes']) {
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        Description: description,
        Environment: { Variables: Match.objectLike({ SUPPORT_ADDRESS: 'support@support.example.eu', MAIL_TOKEN_SECRET: Match.anyValue() }) },
      });
    }
    // Three keys in the stack: this one, the one-click unsubscribe key (functions/notify/unsubscribe.ts) and the
    // edge key (functions/analytics/source.ts).
    expect(Object.values(synth.template.findResources('AWS::SecretsManager::Secret')).map((r) => r.Properties.Description).sort()).toEqual([
      'Proves to the analytics function that a request came through the site\'s CloudFront distribution',
      'Signs the one-click unsubscribe links of notification e-mails',
      'Signs the reply addresses of notification e-mails (functions/inbound-mail)',
    ]);
  });

  it('leaves cdk-nag with nothing to report', () => {
    expect(synth.nagReport.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
