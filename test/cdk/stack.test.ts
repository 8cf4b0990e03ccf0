// The synthesized CloudFormation template of the default deployment (no custom domain): data, functions,
// API authorization, site delivery, identity, notifications and alarms, checked resource by resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/core/table.ts';
import { ESM_REQUIRE_BANNER } from '../../cdk/bundling.ts';
import { API_ROUTES, routeKey } from '../../cdk/routes.ts';
import { API_FUNCTION_NAMES, API_FUNCTIONS } from '../../functions/api-functions.ts';
import { EDGE_SECRET_VARIABLE } from '../../functions/analytics/config.ts';
import { EDGE_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/analytics/source.ts';
import { gunzipSync } from 'node:zlib';
import { assetBytes, assetFiles, resourcesOfType, SEARCH_FILES, synthesize, type CfnResourceJson, type Synthesized } from './support/synth.ts';
import { securityHeaders } from '../../site/security-headers.ts';
import { SECURITY_LOG_DAYS } from '../../cdk/constructs/security-logs.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ senderAddress: 'support@example.eu', alarmEmail: 'ops@example.eu' });
});
afterAll(() => synth?.cleanup());

const ref = (logicalId: string) => ({ Ref: logicalId });
const logicalIdOf = (type: string): string => {
  const found = resourcesOfType(synth.json, type);
  expect(found, type).toHaveLength(1);
  return found[0]![0];
};

/** Our functions (aws-cdk-lib's own handlers run other runtimes). */
const functions = () => resourcesOfType(synth.json, 'AWS::Lambda::Function').filter(([, fn]) => fn.Properties!.Runtime === 'nodejs22.x');

describe('data table', () => {
  it('is on demand with the keys and exactly the indexes the code uses, and a TTL', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('has point-in-time recovery and deletion protection, and is retained when the stack goes', () => {
    const [, table] = resourcesOfType(synth.json, 'AWS::DynamoDB::GlobalTable')[0]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    const replica = (table.Properties!.Replicas as Array<Record<string, unknown>>)[0]!;
    expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica.DeletionProtectionEnabled).toBe(true);
  });

  it('streams changes for the notifier', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });
});

describe('functions', () => {
  it('run Node.js 22 on ARM64 with the configuration the code reads', () => {
    const tableId = logicalIdOf('AWS::DynamoDB::GlobalTable');
    const clientId = logicalIdOf('AWS::Cognito::UserPoolClient');
    const userPoolId = logicalIdOf('AWS::Cognito::UserPool');
    // one per API function of the manifest, the bookings and routing sweeps, the notifier's stream consumer and sweep, the e-mail parser and receiver
    expect(functions().length).toBe(API_FUNCTION_NAMES.length + 6);
    expect(API_FUNCTION_NAMES).toEqual(['tickets', 'routing', 'bookings', 'attachments', 'notifications', 'analytics']);
    for (const [id, fn] of functions()) {
      expect(fn.Properties!.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties!.Handler, id).toMatch(/^index\.(handler|streamHandler|sweepHandler)$/);
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(fn.Properties!.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' });
      expect(env.NODE_OPTIONS, id).toBe('--enable-source-maps');
      // The e-mail parser reads received mail and nothing else: no table, no identity.
      if (fn.Properties!.Description === 'Parses received e-mail for the receiver') {
        expect(Object.keys(env).sort(), id).toEqual(['NODE_OPTIONS', 'RAW_MAIL_BUCKET']);
        continue;
      }
      expect(env.TABLE_NAME, id).toEqual(ref(tableId));
      expect(env.AUTH_AUDIENCE, id).toEqual(ref(clientId));
      expect(env.AUTH_ISSUER, id).toEqual({ 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', ref(userPoolId)]] });
      expect(JSON.stringify(env.PUBLIC_URL), id).toContain('DomainName');
      // Lambda filters JSON logs by their level and hands the level to the code as AWS_LAMBDA_LOG_LEVEL.
      expect(fn.Properties!.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO' });
      expect(Object.keys(env).filter((name) => name.includes('LOG_LEVEL')), id).toEqual([]);
      expect(env.NODE_OPTIONS, id).toBe('--enable-source-maps');
      expect(Object.keys(env), id).not.toContain('AUTH_JWKS_URL');
    }
  });

  it('ship minified ESM bundles with source maps, the AWS SDK inside and a real require', () => {
    for (const [id, fn] of functions()) {
      const files = assetFiles(synth.assemblyDir, (fn.Properties!.Code as { S3Key: string }).S3Key);
      expect([...files.keys()].sort(), id).toEqual(['index.mjs', 'index.mjs.map']);
      const bundle = files.get('index.mjs')!;
      expect(bundle.startsWith(ESM_REQUIRE_BANNER), id).toBe(true);
      expect(bundle, id).toMatch(/sourceMappingURL=index\.mjs\.map\s*$/);
      // Minified: esbuild drops its per-module path comments; and no SDK import is left for the runtime.
      expect(/^\/\/ \S+\.(ts|js|mjs)$/m.test(bundle), `${id} has module comments`).toBe(false);
      expect(/from\s*["']@aws-sdk\//.test(bundle), `${id} imports the SDK`).toBe(false);
    }
  });

  it('point each function at a handler its bundle exports', () => {
    for (const [id, fn] of functions()) {
      const bundle = assetFiles(synth.assemblyDir, (fn.Properties!.Code as { S3Key: string }).S3Key).get('index.mjs')!;
      const exportList = [...bundle.matchAll(/export\s*\{([^}]*)\}/g)].at(-1)?.[1] ?? '';
      const exported = exportList.split(',').map((binding) => binding.trim().split(/\s+as\s+/).at(-1));
      expect(exported, id).toContain(String(fn.Properties!.Handler).replace(/^index\./, ''));
    }
  });
});

/** The logical id of the one generated secret with this description. */
const secretIdDescribed = (description: string) => {
  const found = resourcesOfType(synth.json, 'AWS::SecretsManager::Secret').filter(([, secret]) => secret.Properties!.Description === description);
  expect(found, description).toHaveLength(1);
  return found[0]![0];
};

/** Where a template value resolves a secret at deployment: `{{resolve:secretsmanager:<that secret>...}}`. */
const resolvesSecret = (value: unknown, secretId: string) => JSON.stringify(value).includes('{{resolve:secretsmanager:') && JSON.stringify(value).includes(`"Ref":"${secretId}"`);

describe('the unsubscribe key', () => {
  it('is a generated secret given to the functions that sign and verify the links, and to no other', () => {
    const secretId = secretIdDescribed('Signs the one-click unsubscribe links of notification e-mails');
    const holders = resourcesOfType(synth.json, 'AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify((fn.Properties as { Environment?: unknown }).Environment ?? {}).includes('UNSUBSCRIBE_SECRET'))
      .map(([, fn]) => String((fn.Properties as { Handler?: string; Description?: string }).Description));
    expect(holders.sort()).toEqual(['Booking reminders and SLA escalation', 'Notification e-mails for table changes', 'Notifications API: e-mail preferences, language and time zone, parked e-mails'].sort());
    for (const [, fn] of resourcesOfType(synth.json, 'AWS::Lambda::Function')) {
      const value = ((fn.Properties as { Environment?: { Variables?: Record<string, unknown> } }).Environment?.Variables ?? {}).UNSUBSCRIBE_SECRET;
      if (value !== undefined) expect(JSON.stringify(value)).toContain(secretId);
    }
  });
});

describe('the edge key (which requests came through CloudFront, for the analytics throttle)', () => {
  const edgeKeyId = () => secretIdDescribed('Proves to the analytics function that a request came through the site\'s CloudFront distribution');
  const distribution = () => resourcesOfType(synth.json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as Record<string, any>;

  it('is generated, long and plain enough for a header value', () => {
    const [, secret] = resourcesOfType(synth.json, 'AWS::SecretsManager::Secret').find(([id]) => id === edgeKeyId())!;
    expect(secret.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
  });

  it('is sent by CloudFront in X-Origin-Verify to the API origin only, never to the site bucket', () => {
    const config = distribution();
    const apiOrigin = config.Origins.find((origin: any) => origin.Id === config.CacheBehaviors[1].TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders.map((header: any) => header.HeaderName)).toEqual([EDGE_SECRET_HEADER]);
    expect(EDGE_SECRET_HEADER).toBe('X-Origin-Verify');
    expect(resolvesSecret(apiOrigin.OriginCustomHeaders[0].HeaderValue, edgeKeyId())).toBe(true);
    for (const origin of config.Origins.filter((o: any) => o !== apiOrigin)) expect(origin.OriginCustomHeaders ?? [], origin.Id).toEqual([]);
  });

  it('leaves /api on the managed AllViewerExceptHostHeader policy, which forwards CloudFront-Viewer-Address with the viewer\'s headers', () => {
    expect(distribution().CacheBehaviors[1].OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(resourcesOfType(synth.json, 'AWS::CloudFront::OriginRequestPolicy')).toEqual([]);
    expect(VIEWER_ADDRESS_HEADER).toBe('CloudFront-Viewer-Address');
  });

  it('is given to the analytics function alone, resolved at deployment, with no right to read any secret at run time', () => {
    const holders = resourcesOfType(synth.json, 'AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify(fn.Properties!.Environment ?? {}).includes(`"Ref":"${edgeKeyId()}"`))
      .map(([, fn]) => fn.Properties!.Description);
    expect(holders).toEqual([API_FUNCTIONS.analytics.description]);
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: API_FUNCTIONS.analytics.description,
      Environment: { Variables: Match.objectLike({ [EDGE_SECRET_VARIABLE]: Match.anyValue() }) },
    });
    const [, analytics] = resourcesOfType(synth.json, 'AWS::Lambda::Function').find(([, fn]) => fn.Properties!.Description === API_FUNCTIONS.analytics.description)!;
    expect(resolvesSecret((analytics.Properties!.Environment as any).Variables[EDGE_SECRET_VARIABLE], edgeKeyId())).toBe(true);
    // Nothing in the stack may read or change it: no policy names it or grants Secrets Manager at all.
    for (const [id, resource] of resourcesOfType(synth.json, 'AWS::IAM::Policy')) {
      expect(JSON.stringify(resource.Properties!.PolicyDocument), id).not.toContain('secretsmanager:');
    }
    expect(resourcesOfType(synth.json, 'AWS::SecretsManager::ResourcePolicy')).toEqual([]);
  });
});

describe('API authorization', () => {
  const routes = () => resourcesOfType(synth.json, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties!);

  it('has exactly the routes of the route table, and none for the local dev login or identity provider', () => {
    expect(routes().map((route) => route.RouteKey).sort()).toEqual(API_ROUTES.map(routeKey).sort());
    for (const route of routes()) expect(route.RouteKey).not.toMatch(/\/(dev|idp)\b/);
  });

  it('puts the Cognito JWT authorizer on every route except the public ones', () => {
    const authorizerId = logicalIdOf('AWS::ApiGatewayV2::Authorizer');
    const publicKeys = API_ROUTES.filter((route) => route.public).map(routeKey);
    expect(publicKeys.sort()).toEqual([
      'GET /api/health', 'GET /api/notifications/unsubscribe', 'POST /api/analytics/feedback', 'POST /api/analytics/search', 'POST /api/notifications/unsubscribe',
    ]);
    for (const route of routes()) {
      if (publicKeys.includes(route.RouteKey as string)) {
        expect(route.AuthorizationType, String(route.RouteKey)).toBe('NONE');
        expect(route.AuthorizerId, String(route.RouteKey)).toBeUndefined();
      } else {
        expect(route.AuthorizationType, String(route.RouteKey)).toBe('JWT');
        expect(route.AuthorizerId, String(route.RouteKey)).toEqual(ref(authorizerId));
      }
    }
  });

  it('checks the token against this user pool and the site client', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [ref(logicalIdOf('AWS::Cognito::UserPoolClient'))],
        Issuer: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.', ref(logicalIdOf('AWS::Cognito::UserPool'))])] }),
      },
    });
  });

  it('throttles and logs the stage, and allows no cross-origin callers by default', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
    const [, api] = resourcesOfType(synth.json, 'AWS::ApiGatewayV2::Api')[0]!;
    expect(api.Properties!.CorsConfiguration).toBeUndefined();
  });

  it('throttles the open event routes below the stage, and lets them through without the authorizer', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      RouteSettings: {
        'POST /api/analytics/search': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        'POST /api/analytics/feedback': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 20 },
      },
    });
    for (const key of ['POST /api/analytics/search', 'POST /api/analytics/feedback']) {
      synth.template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'NONE' });
    }
    // The report is not public: it goes through the JWT authorizer like every other route.
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/analytics/{proxy+}', AuthorizationType: 'JWT' });
  });
});

describe('IAM', () => {
  interface Statement { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown }
  type Document = { Statement: Statement[] };
  // Identity policies wherever the template holds them: policy resources, managed policies, roles' inline policies.
  const statements = (): Array<{ owner: string; statement: Statement }> => Object.entries(synth.json.Resources).flatMap(([owner, resource]) => {
    const props = resource.Properties ?? {};
    const documents: Document[] = resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy' ? [props.PolicyDocument as Document]
      : resource.Type === 'AWS::IAM::Role' ? ((props.Policies ?? []) as Array<{ PolicyDocument: Document }>).map((policy) => policy.PolicyDocument)
        : [];
    return documents.flatMap((document) => document.Statement.map((statement) => ({ owner, statement })));
  });
  const resourcePolicyStatements = (): Array<{ owner: string; statement: Statement }> => Object.entries(synth.json.Resources)
    .filter(([, resource]) => ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'].includes(resource.Type))
    .flatMap(([owner, resource]) => (resource.Properties!.PolicyDocument as Document).Statement.map((statement) => ({ owner, statement })));
  const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

  it('grants no action wildcards', () => {
    for (const { owner, statement } of statements()) {
      for (const action of list(statement.Action)) expect(action, owner).not.toMatch(/^\*$|:\*$/);
    }
  });

  // Each exception, and why no narrower resource exists.
  const RESOURCE_STAR_EXCEPTIONS: Record<string, { owner: RegExp; actions: string[]; why: string }> = {
    invalidation: {
      owner: /^CustomCDKBucketDeployment/,
      actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
      why: "aws-cdk-lib's BucketDeployment handler grants invalidation on all distributions; it is not our policy to narrow",
    },
  };

  it('uses the "*" resource only where the exceptions above say why', () => {
    const starred = statements().filter(({ statement }) => list(statement.Resource).includes('*'));
    for (const { owner, statement } of starred) {
      const exception = Object.values(RESOURCE_STAR_EXCEPTIONS).find((e) => e.owner.test(owner));
      expect(exception, `${owner} ${JSON.stringify(statement.Action)}`).toBeDefined();
      expect(list(statement.Action).sort()).toEqual(exception!.actions);
    }
  });

  it('gives each API function read/write on the table only, and the notifier stream read and sending as the sender only', () => {
    const tableArn = { 'Fn::GetAtt': [logicalIdOf('AWS::DynamoDB::GlobalTable'), 'Arn'] };
    const streamArn = { 'Fn::GetAtt': [logicalIdOf('AWS::DynamoDB::GlobalTable'), 'StreamArn'] };
    const senderId = logicalIdOf('AWS::SES::EmailIdentity');
    for (const { owner, statement } of statements().filter((s) => /Function/.test(s.owner))) {
      const actions = list(statement.Action);
      const resources = JSON.stringify(statement.Resource);
      if (actions.some((a) => a.startsWith('dynamodb:DescribeStream'))) expect(statement.Resource, owner).toEqual(streamArn);
      else if (actions[0]!.startsWith('dynamodb:')) expect(statement.Resource, owner).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
      else if (actions[0]!.startsWith('ses:')) {
        expect(actions.sort(), owner).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
        expect(statement.Resource, owner).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':identity/', ref(senderId)]] });
      } else if (actions[0]!.startsWith('logs:')) expect(resources, owner).toMatch(/FunctionLogs/);
      else if (actions[0]!.startsWith('sqs:')) expect(resources, owner).toMatch(/DeadLetters/);
      // The attachments function on its bucket's objects (test/cdk/attachments.test.ts checks it closely).
      else if (actions[0]!.startsWith('s3:')) expect([owner, resources]).toEqual([expect.stringMatching(/^AttachmentsFunctionRole/), expect.stringMatching(/AttachmentsFiles.*\/tickets\/\*/)]);
      else throw new Error(`${owner} has an unexpected grant ${JSON.stringify(actions)}`);
    }
  });

  it('allows nothing to everyone in resource policies, and lets CloudFront read the site only for this distribution', () => {
    for (const { owner, statement } of resourcePolicyStatements().filter(({ statement }) => statement.Effect === 'Allow')) {
      expect(JSON.stringify(statement.Principal), owner).not.toMatch(/"\*"/);
      for (const action of list(statement.Action)) expect(action, owner).not.toMatch(/^\*$|:\*$/);
    }
    const cloudFrontRead = resourcePolicyStatements().find(({ statement }) => JSON.stringify(statement.Principal) === '{"Service":"cloudfront.amazonaws.com"}');
    expect(cloudFrontRead?.statement).toMatchObject({
      Action: 's3:GetObject',
      Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', ref(logicalIdOf('AWS::CloudFront::Distribution'))]] } } },
    });
  });

  it('attaches AWS managed policies only to aws-cdk-lib\'s own custom-resource handlers', () => {
    for (const [id, role] of resourcesOfType(synth.json, 'AWS::IAM::Role')) {
      if (role.Properties!.ManagedPolicyArns) expect(id).toMatch(/^(CustomCDKBucketDeployment|CustomS3AutoDeleteObjectsCustomResourceProvider|BucketNotificationsHandler)/);
    }
  });
});

describe('site bucket and CloudFront', () => {
  const distribution = () => resourcesOfType(synth.json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as Record<string, any>;

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = resourcesOfType(synth.json, 'AWS::S3::Bucket');
    // The site's files, its access logs, the ticket attachments, received e-mail.
    expect(buckets.length).toBe(4);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties!.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.Properties!.BucketEncryption, id).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
      synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(id),
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('keeps the security logs (CloudFront\'s and S3\'s in the log bucket, the API\'s access log) as long as the About page says', () => {
    const logBucket = distribution().Logging.Bucket['Fn::GetAtt'][0] as string;
    const bucket = resourcesOfType(synth.json, 'AWS::S3::Bucket').find(([id]) => id === logBucket)![1];
    expect(bucket.Properties!.LifecycleConfiguration).toEqual({ Rules: [{ ExpirationInDays: SECURITY_LOG_DAYS, Status: 'Enabled' }] });
    const stage = resourcesOfType(synth.json, 'AWS::ApiGatewayV2::Stage')[0]![1];
    const logGroup = (stage.Properties!.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] } }).DestinationArn['Fn::GetAtt'][0];
    expect(resourcesOfType(synth.json, 'AWS::Logs::LogGroup').find(([id]) => id === logGroup)![1].Properties!.RetentionInDays).toBe(SECURITY_LOG_DAYS);
  });

  it('reads the site bucket through Origin Access Control only', () => {
    const siteOrigin = distribution().Origins.find((origin: any) => origin.S3OriginConfig);
    expect(siteOrigin.OriginAccessControlId).toBeDefined();
    expect(siteOrigin.S3OriginConfig.OriginAccessIdentity).toBe('');
    synth.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    expect(resourcesOfType(synth.json, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toHaveLength(0);
  });

  it('redirects the site to HTTPS and refuses plain HTTP on /api', () => {
    const config = distribution();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors.map((behavior: any) => behavior.PathPattern)).toEqual(['/api/openapi.json', '/api/*']);
    const api = config.CacheBehaviors[1];
    expect(api.PathPattern).toBe('/api/*');
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    const apiOrigin = config.Origins.find((origin: any) => origin.Id === api.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('.execute-api.');
  });

  it('sends CSP, HSTS and the other security headers on site and API', () => {
    const policyId = logicalIdOf('AWS::CloudFront::ResponseHeadersPolicy');
    const config = distribution();
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(behavior.ResponseHeadersPolicyId).toEqual(ref(policyId));
    const [, policy] = resourcesOfType(synth.json, 'AWS::CloudFront::ResponseHeadersPolicy')[0]!;
    const headers = (policy.Properties!.ResponseHeadersPolicyConfig as any).SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true });
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", '.amazoncognito.com']) expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-');
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
    expect(headers.ContentTypeOptions.Override).toBe(true);
    // From the one definition the local server sends too.
    const local = securityHeaders({ https: true });
    expect(headers.FrameOptions.FrameOption).toBe(local['X-Frame-Options']);
    expect(headers.ReferrerPolicy.ReferrerPolicy).toBe(local['Referrer-Policy']);
    expect(`max-age=${headers.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`).toBe(local['Strict-Transport-Security']);
    const custom = (policy.Properties!.ResponseHeadersPolicyConfig as any).CustomHeadersConfig.Items as Array<{ Header: string; Value: string }>;
    expect(Object.fromEntries(custom.map((item) => [item.Header, item.Value]))).toEqual({ 'Permissions-Policy': local['Permissions-Policy'], 'Cross-Origin-Opener-Policy': local['Cross-Origin-Opener-Policy'] });
    for (const directive of local['Content-Security-Policy']!.split('; ')) expect(csp).toContain(directive.split(' ')[0]);
  });

  it('serves the API document built with the site from the bucket, before /api/* can match it', () => {
    const config = distribution();
    const [document] = config.CacheBehaviors;
    expect(document.PathPattern).toBe('/api/openapi.json');
    expect(document.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
    expect(document.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('forwards /api uncached with the caller\'s headers (Authorization included) but not the Host', () => {
    const api = distribution().CacheBehaviors[1];
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // managed CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // managed AllViewerExceptHostHeader
    expect(api.AllowedMethods).toHaveLength(7);
  });

  it('deploys the built site without precompressed copies, hashed assets separately, and config.json for the site', () => {
    const deployments = resourcesOfType(synth.json, 'Custom::CDKBucketDeployment').filter(([, deployment]) => !isGzipped(deployment));
    expect(deployments).toHaveLength(2);
    const uploaded = deployments.flatMap(([, deployment]) => (deployment.Properties!.SourceObjectKeys as string[]).map((key) => assetFiles(synth.assemblyDir, key)));
    expect([...uploaded.flatMap((files) => [...files.keys()])].filter((name) => name.endsWith('.bin'))).toEqual([]);
    expect(uploaded.flatMap((files) => [...files.keys()])).toContain('search/docs-TEST123456.json');
    const names = uploaded.flatMap((files) => [...files.keys()]);
    expect(names).toContain('index.html');
    expect(names).toContain('main-TEST1234.js');
    expect(names.filter((name) => name.endsWith('.gz'))).toEqual([]);
    const config = uploaded.map((files) => files.get('config.json')).find(Boolean);
    expect(config).toBeDefined();
    // Deploy-time values are markers in the staged file, replaced by the deployment handler.
    expect(JSON.parse(config!)).toMatchObject({ apiUrl: '/api', mode: 'cognito', cognito: { domain: expect.any(String), clientId: expect.any(String), region: expect.any(String), userPoolId: expect.any(String) } });
  });
});

const isGzipped = (deployment: CfnResourceJson) => (deployment.Properties!.SystemMetadata as Record<string, string>)['content-encoding'] === 'gzip';

describe('search index in production', () => {
  // CloudFront compresses on the fly only some content types; application/octet-stream is not one of them.
  it('uploads the index\'s binary files gzipped, with Content-Encoding: gzip, cached forever, before the pages', () => {
    const gzipped = resourcesOfType(synth.json, 'Custom::CDKBucketDeployment').filter(([, deployment]) => isGzipped(deployment));
    expect(gzipped).toHaveLength(1);
    const [id, search] = gzipped[0]!;
    const props = search.Properties!;
    expect(props.SystemMetadata).toEqual({ 'content-encoding': 'gzip', 'content-type': 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(props.UserMetadata).toBeUndefined();
    expect(props.Prune).toBe(false);
    expect(props.DestinationBucketKeyPrefix).toBe('assets/search/');
    const files = new Map((props.SourceObjectKeys as string[]).flatMap((key) => [...assetBytes(synth.assemblyDir, key)]));
    expect([...files.keys()].sort()).toEqual(['index-TEST123456.bin', 'postings-TEST123456/0.bin']);
    for (const [name, gzipped] of files) expect(gunzipSync(gzipped).toString()).toBe(SEARCH_FILES[name]);
    const pages = resourcesOfType(synth.json, 'Custom::CDKBucketDeployment').find(([, deployment]) => deployment.Properties!.Prune === true)!;
    expect(JSON.stringify(synth.json.Resources[pages[0]])).toContain(id);
  });
});

describe('identity', () => {
  it('lets only administrators create accounts and has the staff groups and the organisation attribute', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'org', AttributeDataType: 'String', Mutable: true })]),
      DeletionProtection: 'ACTIVE',
    });
    const groups = resourcesOfType(synth.json, 'AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties!.GroupName).sort();
    expect(groups).toEqual(['coordinators', 'experts']);
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: Match.anyValue() });
  });

  it('gives the site a public client with the code flow, its callback, and no write access to the organisation', () => {
    const [, client] = resourcesOfType(synth.json, 'AWS::Cognito::UserPoolClient')[0]!;
    const props = client.Properties!;
    expect(props.GenerateSecret).toBe(false);
    expect(props.AllowedOAuthFlows).toEqual(['code']);
    expect(props.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(JSON.stringify(props.CallbackURLs)).toContain('/app/callback');
    expect(props.ReadAttributes).toContain('custom:org');
    expect(props.WriteAttributes).toEqual(['name']);
  });
});

describe('notifications', () => {
  it('consumes the table stream with partial-batch failures and a dead-letter queue', () => {
    synth.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf('AWS::DynamoDB::GlobalTable'), 'StreamArn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf('AWS::SQS::Queue'), 'Arn'] } } },
    });
  });

  it('wakes the notifier only for ticket and booking records, not for its own delivery records', () => {
    const [, mapping] = resourcesOfType(synth.json, 'AWS::Lambda::EventSourceMapping')[0]!;
    const patterns = ((mapping.Properties!.FilterCriteria as { Filters: Array<{ Pattern: string }> }).Filters).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { dynamodb: { Keys: { sk: { S: ['TICKET'] } } } },
      { dynamodb: { Keys: { sk: { S: ['BOOKING'] } } } },
    ]);
  });

  it('alarms on parked e-mails, which wait in the table rather than in the dead-letter queue', () => {
    const filters = resourcesOfType(synth.json, 'AWS::Logs::MetricFilter').map(([, filter]) => filter.Properties!);
    expect(filters.map((filter) => (filter.MetricTransformations as Array<{ MetricName: string }>)[0]!.MetricName).sort()).toEqual(['ParkedEmails', 'ParkedEmailsFromStream']);
    for (const filter of filters) expect(filter.FilterPattern).toContain('$.parked');
    const alarms = resourcesOfType(synth.json, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties!);
    expect(alarms.filter((alarm) => alarm.Namespace === 'SupportCentre').map((alarm) => alarm.MetricName).sort()).toEqual(['ParkedEmails', 'ParkedEmailsFromStream']);
  });

  it('runs the notifier\'s, the bookings\' and routing\'s sweeps every five minutes from EventBridge Scheduler, failures to the dead-letter queue', () => {
    const schedules = resourcesOfType(synth.json, 'AWS::Scheduler::Schedule').map(([, schedule]) => schedule.Properties!);
    const sweepFunctions = functions().filter(([, fn]) => fn.Properties!.Handler === 'index.sweepHandler').map(([id]) => id);
    expect(sweepFunctions).toHaveLength(3);
    // Routing's sweep (load counters reconciled) runs the routing function's bundle.
    expect(sweepFunctions.filter((id) => id.startsWith('RoutingSweepFunction'))).toHaveLength(1);
    expect(schedules.map((schedule) => (schedule.Target as { Arn: { 'Fn::GetAtt': string[] } }).Arn['Fn::GetAtt'][0]).sort()).toEqual(sweepFunctions.sort());
    for (const schedule of schedules) {
      expect(schedule.ScheduleExpression).toBe('rate(5 minutes)');
      expect((schedule.Target as { DeadLetterConfig: unknown }).DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [logicalIdOf('AWS::SQS::Queue'), 'Arn'] } });
    }
  });

  it('verifies the configured sender address with SES', () => {
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'support@example.eu' });
  });
});

describe('alarms', () => {
  it('alarm on every function\'s errors and throttles, the dead-letter queue and API 5xx, to the alarm topic', () => {
    const alarms = resourcesOfType(synth.json, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties!);
    const metrics = alarms.map((alarm) => `${alarm.Namespace}/${alarm.MetricName}`);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functions().length);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(functions().length);
    expect(metrics).toContain('AWS/SQS/ApproximateNumberOfMessagesVisible');
    expect(metrics).toContain('AWS/ApiGateway/5xx');
    const topic = ref(logicalIdOf('AWS::SNS::Topic'));
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([topic]);
    synth.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.eu' });
    synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({
        Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish',
        Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
      })]) },
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no finding that is not acknowledged', () => {
    const findings = synth.nagReport.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    const acknowledged = synth.app.node.findAll().flatMap((construct) => construct.node.metadata
      .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .map(([id, reason]) => ({ path: construct.node.path, id, reason })));
    expect(acknowledged.length).toBeGreaterThan(10);
    for (const rule of acknowledged) {
      expect(rule.id, rule.path).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(rule.reason.length, `${rule.path} ${rule.id}`).toBeGreaterThan(40);
    }
  });
});
