// A deployment on its own domain with one extra browser origin: CORS for exactly those origins, the
// domain's certificate with TLS 1.2 at least, sign-in callbacks on the domain, and still no nag finding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, synthesize, type Synthesized } from './support/synth.ts';

const DOMAIN = 'support.example.eu';
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-123456789012';
const LOCAL_SITE = 'http://localhost:3000';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ stage: 'prod', domainName: DOMAIN, certificateArn: CERTIFICATE, allowedOrigins: LOCAL_SITE, senderAddress: `desk@${DOMAIN}` });
});
afterAll(() => synth?.cleanup());

describe('custom domain deployment', () => {
  it('allows cross-origin calls from the site origin and the configured origin only', () => {
    const [, api] = resourcesOfType(synth.json, 'AWS::ApiGatewayV2::Api')[0]!;
    const cors = api.Properties!.CorsConfiguration as Record<string, unknown>;
    expect(cors.AllowOrigins).toEqual([`https://${DOMAIN}`, LOCAL_SITE]);
    expect(cors.AllowCredentials).toBeUndefined();
    expect(cors.AllowHeaders).toEqual(['authorization', 'content-type', 'if-match', 'idempotency-key']);
  });

  it('serves the domain with its certificate and at least TLS 1.2', () => {
    const config = resourcesOfType(synth.json, 'AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig as Record<string, any>;
    expect(config.Aliases).toEqual([DOMAIN]);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  it('returns signed-in users to the domain, and to the local site for development', () => {
    const [, client] = resourcesOfType(synth.json, 'AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties!.CallbackURLs).toEqual([`https://${DOMAIN}/app/callback`, `${LOCAL_SITE}/app/callback`]);
    expect(client.Properties!.LogoutURLs).toEqual([`https://${DOMAIN}/`, `https://${DOMAIN}/app/sign-in`, `${LOCAL_SITE}/`, `${LOCAL_SITE}/app/sign-in`]);
  });

  it('tells the functions their public URL', () => {
    const environments = resourcesOfType(synth.json, 'AWS::Lambda::Function')
      .filter(([, fn]) => fn.Properties!.Runtime === 'nodejs22.x')
      .map(([, fn]) => (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables);
    // Only the e-mail parser has none: it writes no links (it reads received mail and nothing else).
    expect(environments.filter((env) => !('PUBLIC_URL' in env)).map((env) => Object.keys(env).sort())).toEqual([['NODE_OPTIONS', 'RAW_MAIL_BUCKET']]);
    expect(new Set(environments.filter((env) => 'PUBLIC_URL' in env).map((env) => env.PUBLIC_URL))).toEqual(new Set([`https://${DOMAIN}`]));
  });

  it('names the stack after the stage and needs no CloudFront certificate acknowledgement', () => {
    expect(synth.stack.stackName).toBe('SupportCentre-prod');
    expect(synth.nagReport.violations).toEqual([]);
    const acknowledgedCfr4 = synth.app.node.findAll().some((construct) => construct.node.metadata
      .some((entry) => entry.type === 'aws:cdk:acknowledged-rules' && Object.keys(entry.data as object).some((id) => id.includes('CFR4'))));
    expect(acknowledgedCfr4).toBe(false);
  });
});
