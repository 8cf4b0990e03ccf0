// Runtime configuration: each function's settings read from its environment, validated at start, and a
// ConfigError naming the variable at fault for anything missing or malformed.
import { describe, expect, it } from 'vitest';
import { apiConfig, ConfigError, type Environment } from '../../functions/core/config.ts';
import { bookingsConfig } from '../../functions/bookings/config.ts';
import { localApiConfig, localConfig, localNotifyConfig, LOCAL_SENDER } from '../../functions/local/config.ts';
import { notificationsApiConfig, notifyConfig } from '../../functions/notify/config.ts';
import { ticketsConfig } from '../../functions/tickets/config.ts';

const IDENTITY = { AUTH_ISSUER: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_TEST', AUTH_AUDIENCE: 'site-client' };

/** The ConfigError `read` throws (the test fails if it throws nothing or something else). */
function configError(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('API function settings', () => {
  it('default everything but the token issuer and audience', () => {
    for (const read of [ticketsConfig, bookingsConfig, notificationsApiConfig]) {
      expect(read(IDENTITY)).toEqual({
        tableName: 'support-centre', region: 'eu-north-1', dynamoEndpoint: undefined,
        issuer: IDENTITY.AUTH_ISSUER, audience: 'site-client', jwksUrl: `${IDENTITY.AUTH_ISSUER}/.well-known/jwks.json`,
        maxBodyBytes: 128 * 1024, publicUrl: 'http://localhost:3000',
      });
    }
  });

  it('read what the stack sets', () => {
    const env = { ...IDENTITY, TABLE_NAME: 'SupportCentre-Data', AWS_REGION: 'eu-west-1', PUBLIC_URL: 'https://support.example.eu', MAX_BODY_BYTES: '65536' };
    expect(ticketsConfig(env)).toMatchObject({ tableName: 'SupportCentre-Data', region: 'eu-west-1', publicUrl: 'https://support.example.eu', maxBodyBytes: 65_536 });
  });

  it('name a missing required variable', () => {
    const missing = configError(() => ticketsConfig({ AUTH_AUDIENCE: 'site-client' }));
    expect(missing.variable).toBe('AUTH_ISSUER');
    expect(missing.message).toMatch(/AUTH_ISSUER.*required/);
    expect(configError(() => bookingsConfig({ AUTH_ISSUER: IDENTITY.AUTH_ISSUER, AUTH_AUDIENCE: '  ' })).variable).toBe('AUTH_AUDIENCE');
  });

  it('refuse a body limit that is not a positive whole number', () => {
    for (const value of ['abc', '12.5', '0', '-1', '1e6', '99999999999999999999']) {
      const error = configError(() => ticketsConfig({ ...IDENTITY, MAX_BODY_BYTES: value }));
      expect(error.variable, value).toBe('MAX_BODY_BYTES');
      expect(error.message, value).toContain(`"${value}"`);
    }
  });

  it('refuse addresses that are not absolute http(s) URLs', () => {
    expect(configError(() => ticketsConfig({ ...IDENTITY, PUBLIC_URL: 'support.example.eu' })).variable).toBe('PUBLIC_URL');
    expect(configError(() => ticketsConfig({ ...IDENTITY, AUTH_ISSUER: 'ftp://issuer.example' })).variable).toBe('AUTH_ISSUER');
    expect(configError(() => ticketsConfig({ ...IDENTITY, DYNAMODB_ENDPOINT: 'localhost:8000' })).variable).toBe('DYNAMODB_ENDPOINT');
  });
});

describe('the notifier\'s settings', () => {
  it('need a sender address and no identity settings', () => {
    expect(notifyConfig({ SENDER_ADDRESS: 'desk@example.eu', SES_ENDPOINT: 'http://127.0.0.1:4566' })).toEqual({
      tableName: 'support-centre', region: 'eu-north-1', dynamoEndpoint: undefined, publicUrl: 'http://localhost:3000',
      sender: { address: 'desk@example.eu', name: 'HPC AI Support Centre' }, sesEndpoint: 'http://127.0.0.1:4566',
    });
    expect(configError(() => notifyConfig({})).variable).toBe('SENDER_ADDRESS');
    expect(configError(() => notifyConfig({ SENDER_ADDRESS: 'desk@example.eu', SES_ENDPOINT: 'nowhere' })).variable).toBe('SES_ENDPOINT');
  });
});

describe('the local server\'s settings', () => {
  it('default to port 3000 and .data, and leave the notifier\'s timers to the server', () => {
    expect(localConfig({})).toEqual({
      port: 3000, host: '127.0.0.1', dataDir: '.data', siteDir: 'dist/site', dynamoEndpoint: undefined, notifyPollMs: undefined, notifySweepMs: undefined,
      smtpPort: 2525,
    });
    expect(localConfig({ PORT: '0', NOTIFY_POLL_MS: '0', NOTIFY_SWEEP_MS: '500' })).toMatchObject({ port: 0, notifyPollMs: 0, notifySweepMs: 500 });
  });

  it('name a bad port or interval', () => {
    expect(configError(() => localConfig({ PORT: 'http' })).variable).toBe('PORT');
    expect(configError(() => localConfig({ PORT: '70000' })).variable).toBe('PORT');
    expect(configError(() => localConfig({ NOTIFY_POLL_MS: 'soon' })).variable).toBe('NOTIFY_POLL_MS');
  });

  it('build the functions\' settings objects the way a Lambda does, with the local identity provider as issuer', () => {
    const settings = { tableName: 'local-table', dynamoEndpoint: 'http://127.0.0.1:4567', publicUrl: 'http://127.0.0.1:3000', mailTokenSecret: 'x'.repeat(48) };
    const identity = { issuer: 'http://127.0.0.1:3000/idp', audience: 'local-site', jwksUrl: 'http://127.0.0.1:3000/idp/jwks.json' };
    const env: Environment = {
      TABLE_NAME: 'local-table', AWS_REGION: 'local', DYNAMODB_ENDPOINT: settings.dynamoEndpoint, PUBLIC_URL: settings.publicUrl,
      AUTH_ISSUER: identity.issuer, AUTH_AUDIENCE: identity.audience, AUTH_JWKS_URL: identity.jwksUrl,
    };
    expect(localApiConfig(settings, identity)).toEqual(apiConfig(env));
    expect(localNotifyConfig(settings)).toMatchObject({
      tableName: 'local-table', publicUrl: settings.publicUrl, sender: { address: LOCAL_SENDER },
      channel: { localPart: 'support', domain: 'hpc-ai-support-centre.local', tokenSecret: settings.mailTokenSecret },
    });
  });
});
