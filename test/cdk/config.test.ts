// Deployment settings: defaults that synthesize offline, context over environment, and a clear error
// for each value that would otherwise fail half-way through a deployment.
import { describe, expect, it } from 'vitest';
import { ConfigError, deploymentConfig, PLACEHOLDER_SENDER, PLACEHOLDER_SUPPORT_ADDRESS, settingReader, SETTINGS } from '../../cdk/config.ts';

const fromContext = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) => deploymentConfig(settingReader((key) => context[key], env));

describe('deployment settings', () => {
  it('defaults to a dev stage with no custom domain, no CORS origins and a placeholder sender', () => {
    expect(fromContext({})).toEqual({
      stage: 'dev',
      domainName: undefined,
      certificateArn: undefined,
      senderAddress: PLACEHOLDER_SENDER,
      senderConfigured: false,
      supportAddress: PLACEHOLDER_SUPPORT_ADDRESS,
      allowedOrigins: [],
      cognitoDomainPrefix: undefined,
      alarmEmail: undefined,
      siteDir: 'dist/site',
      logLevel: 'INFO',
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
  });

  it('reads the environment, and context wins over it', () => {
    const env = { [SETTINGS.stage]: 'prod', [SETTINGS.senderAddress]: 'desk@example.eu', [SETTINGS.throttleRate]: '20' };
    expect(fromContext({}, env)).toMatchObject({ stage: 'prod', senderAddress: 'desk@example.eu', senderConfigured: true, throttle: { rateLimit: 20, burstLimit: 100 } });
    expect(fromContext({ stage: 'test' }, env).stage).toBe('test');
  });

  it('normalises allowed origins and accepts plain http only on localhost', () => {
    expect(fromContext({ allowedOrigins: 'https://partner.example.eu/, http://localhost:3000' }).allowedOrigins)
      .toEqual(['https://partner.example.eu', 'http://localhost:3000']);
    expect(() => fromContext({ allowedOrigins: 'http://partner.example.eu' })).toThrow(/only https origins/);
    expect(() => fromContext({ allowedOrigins: 'https://partner.example.eu/app' })).toThrow(/no path/);
    expect(() => fromContext({ allowedOrigins: '*' })).toThrow(ConfigError);
  });

  it('needs a us-east-1 certificate with a custom domain, and a domain with a certificate', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-123456789012';
    expect(fromContext({ domainName: 'Support.Example.eu', certificateArn })).toMatchObject({ domainName: 'support.example.eu', certificateArn });
    expect(() => fromContext({ domainName: 'support.example.eu' })).toThrow(/certificateArn/);
    expect(() => fromContext({ domainName: 'support.example.eu', certificateArn: certificateArn.replace('us-east-1', 'eu-west-1') })).toThrow(/us-east-1/);
    expect(() => fromContext({ certificateArn })).toThrow(/domainName/);
    expect(() => fromContext({ domainName: 'not a domain', certificateArn })).toThrow(/host name/);
  });

  it('refuses malformed stages, addresses, log levels, throttles and Cognito prefixes', () => {
    expect(() => fromContext({ stage: 'Prod' })).toThrow(/stage/);
    expect(() => fromContext({ stage: 'a-very-long-stage-name' })).toThrow(/stage/);
    expect(() => fromContext({ senderAddress: 'desk' })).toThrow(/senderAddress/);
    expect(() => fromContext({ alarmEmail: 'ops@' })).toThrow(/alarmEmail/);
    expect(() => fromContext({ logLevel: 'loud' })).toThrow(/logLevel/);
    expect(fromContext({ logLevel: 'debug' }).logLevel).toBe('DEBUG');
    expect(() => fromContext({ throttleBurst: '0' })).toThrow(/throttleBurst/);
    expect(() => fromContext({ throttleRate: '2.5' })).toThrow(/throttleRate/);
    expect(() => fromContext({ cognitoDomainPrefix: 'my-cognito-login' })).toThrow(/cognito/);
    expect(fromContext({ cognitoDomainPrefix: 'hpc-support-eu' }).cognitoDomainPrefix).toBe('hpc-support-eu');
  });

  it('names the environment variable in every error', () => {
    expect(() => fromContext({ stage: '1st' })).toThrow(SETTINGS.stage);
  });
});
