// The attachments bucket in the synthesized template: private, encrypted, TLS only, CORS for the site only,
// pending uploads dropped after a day, and only the attachments function may touch its objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { PENDING_TAG } from '../../functions/attachments/s3-blobs.ts';
import { resourcesOfType, synthesize, type Synthesized } from './support/synth.ts';

let synth: Synthesized;
// Synthesis bundles every function: give it time on a busy machine.
beforeAll(() => { synth = synthesize({ senderAddress: 'support@example.eu', alarmEmail: 'ops@example.eu', allowedOrigins: 'https://staging.example.eu' }); }, 180_000);
afterAll(() => synth?.cleanup());

const attachmentsBucket = () => {
  const found = resourcesOfType(synth.json, 'AWS::S3::Bucket').filter(([id]) => id.startsWith('AttachmentsFiles'));
  expect(found).toHaveLength(1);
  return found[0]!;
};

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: Record<string, Record<string, unknown>> };

describe('the attachments bucket', () => {
  it('is private, encrypted, logged and kept on destroy', () => {
    const [, bucket] = attachmentsBucket();
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties!.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket.Properties!.LoggingConfiguration).toMatchObject({ LogFilePrefix: 's3/attachments/' });
    expect((bucket as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
  });

  it('refuses plain HTTP (enforceSSL)', () => {
    const [id] = attachmentsBucket();
    const policies = resourcesOfType(synth.json, 'AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties!.Bucket) === JSON.stringify({ Ref: id }));
    expect(policies).toHaveLength(1);
    const statements = (policies[0]![1].Properties!.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('lets browsers of the site\'s origins only upload and read ranges (CORS)', () => {
    const [, bucket] = attachmentsBucket();
    const [rule] = (bucket.Properties!.CorsConfiguration as { CorsRules: Array<Record<string, unknown>> }).CorsRules;
    expect(rule!.AllowedMethods).toEqual(['POST', 'GET', 'HEAD']);
    expect(rule!.AllowedHeaders).toEqual(['range', 'content-type']);
    expect(rule!.ExposedHeaders).toContain('content-range');
    const origins = rule!.AllowedOrigins as unknown[];
    expect(origins).toContain('https://staging.example.eu');
    expect(origins).not.toContain('*');
    expect(origins).toHaveLength(2);
  });

  it('deletes uploads never completed after a day', () => {
    const [, bucket] = attachmentsBucket();
    const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: Array<Record<string, unknown>> }).Rules;
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 1, TagFilters: [{ Key: PENDING_TAG.key, Value: PENDING_TAG.value }] }));
    expect(rules).toContainEqual(expect.objectContaining({ Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
  });

  it('is reachable by the attachments function (and the e-mail receiver, which stores mailed files the same way) alone, on objects under tickets/ only, and it knows the bucket', () => {
    const [bucketId] = attachmentsBucket();
    const grants: Array<[string, Statement]> = [];
    for (const [id, policy] of resourcesOfType(synth.json, 'AWS::IAM::Policy')) {
      for (const statement of (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (JSON.stringify(statement.Resource).includes(bucketId)) grants.push([id, statement]);
      }
    }
    expect(grants.map(([id]) => id)).toEqual([expect.stringMatching(/^AttachmentsFunctionRole/), expect.stringMatching(/^InboundMailReceiverRole/)]);
    expect(JSON.stringify(grants[1]![1].Resource)).toMatch(/\/tickets\/\*"/);
    const [, statement] = grants[0]!;
    expect([...(statement.Action as string[])].sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject', 's3:PutObjectTagging']);
    expect(JSON.stringify(statement.Resource)).toMatch(/\/tickets\/\*"/);
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Attachments API'),
      Environment: { Variables: Match.objectLike({ ATTACHMENTS_BUCKET: { Ref: bucketId } }) },
    });
  });

  it('has a name fixed by stage, account and region, whose origin the site\'s CSP allows for uploads, ranges and thumbnails', () => {
    const [, bucket] = attachmentsBucket();
    const name = JSON.stringify(bucket.Properties!.BucketName);
    expect(name).toContain('supportcentre-');
    expect(name).toContain('AWS::AccountId');
    const policy = resourcesOfType(synth.json, 'AWS::CloudFront::ResponseHeadersPolicy')[0]![1] as { Properties: Record<string, any> };
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toMatch(/connect-src 'self' [^;]*https:\/\/supportcentre-/);
    expect(csp).toMatch(/img-src 'self' data: https:\/\/supportcentre-/);
  });

  it('leaves cdk-nag with nothing to report', () => {
    expect(synth.nagReport.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
